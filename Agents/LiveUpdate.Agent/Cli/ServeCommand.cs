using System.CommandLine;
using LiveUpdate.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveUpdate.Agent.Cli;

/// <summary>`liveupdate-agent serve [--config FILE] [--sandbox DIR] [--Agent:Key=value ...]`: the daemon.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo?>("--config") { Description = "The agent's JSON configuration (see deploy/config/agent.json)." };
        var sandbox = new Option<DirectoryInfo?>("--sandbox") { Description = "Run against a sandbox host tree with the simulated handover (lab only)." };
        var command = new Command("serve", "Run the agent daemon (gRPC over mutual TLS). Any --Agent:Key=value overrides the configuration.")
        {
            config,
            sandbox,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(
            new AgentLaunch(parse.GetValue(config)?.FullName, parse.GetValue(sandbox)?.FullName, parse.UnmatchedTokens),
            parse.InvocationConfiguration.Error,
            ct));
        return command;
    }

    internal static async Task<int> RunAsync(AgentLaunch launch, TextWriter error, CancellationToken ct, AgentHooks? hooks = null)
    {
        var bad = launch.Overrides.FirstOrDefault(o => !o.StartsWith("--", StringComparison.Ordinal));
        if (bad is not null)
        {
            await error.WriteLineAsync($"liveupdate-agent: serve: unexpected argument '{bad}'; overrides look like --Agent:Key=value");
            return AgentCli.Usage;
        }

        WebApplication app;
        try
        {
            app = AgentApp.Build(launch, hooks);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException)
        {
            await error.WriteLineAsync($"liveupdate-agent: configuration: {e.Message}");
            return AgentCli.Failed;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(ct);
            }
            catch (OptionsValidationException e)
            {
                foreach (var failure in e.Failures)
                {
                    await error.WriteLineAsync($"liveupdate-agent: configuration: {failure}");
                }

                return AgentCli.Failed;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The boundary of the daemon: whatever stopped it from starting becomes the exit status and its reason.
                await error.WriteLineAsync($"liveupdate-agent: cannot start: {e.Message}");
                return AgentCli.Failed;
            }

            await app.WaitForShutdownAsync(ct);
            await app.StopAsync(CancellationToken.None);
            return AgentCli.Ok;
        }
    }
}
