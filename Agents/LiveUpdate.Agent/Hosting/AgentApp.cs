using LiveUpdate.Agent.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// Builds the daemon: configuration from the JSON file, then LIVEUPDATE_ environment variables, then
/// command-line overrides (later wins); nothing is opened or started until the host starts, and the
/// host validates the options before anything else.
/// </summary>
internal static class AgentApp
{
    public static WebApplication Build(AgentLaunch launch, AgentHooks? hooks = null)
    {
        hooks ??= AgentHooks.None;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "liveupdate-agent",
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (launch.ConfigFile is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(launch.ConfigFile), optional: false, reloadOnChange: false);
        }

        builder.Configuration.AddEnvironmentVariables("LIVEUPDATE_");
        builder.Configuration.AddCommandLine([.. launch.Overrides]);
        if (launch.Sandbox is not null)
        {
            builder.Configuration.AddInMemoryCollection([new($"{AgentOptions.Section}:{nameof(AgentOptions.Sandbox)}", Path.GetFullPath(launch.Sandbox))]);
        }

        hooks.Logging?.Invoke(builder.Logging);
        builder.Services.AddSystemd();
        builder.Services.AddLiveUpdateAgent(builder.Configuration, hooks);

        var app = builder.Build();
        app.MapGrpcService<HostAgentService>();
        return app;
    }
}
