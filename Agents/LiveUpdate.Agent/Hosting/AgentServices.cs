using LiveUpdate.Agent.Api;
using LiveUpdate.Agent.Handover;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Preflight;
using LiveUpdate.Agent.Steps;
using LiveUpdate.Agent.Vms;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Roots;
using LiveUpdate.Libvirt;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveUpdate.Agent.Hosting;

/// <summary>The agent's composition root: options, drivers, runners, the API and the hosted services, in start order.</summary>
internal static class AgentServices
{
    public static IServiceCollection AddLiveUpdateAgent(this IServiceCollection services, IConfiguration configuration, AgentHooks hooks)
    {
        services.AddOptions<AgentOptions>()
            .Bind(configuration.GetSection(AgentOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsAnnotations>();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AgentOptions>>().Value);
        services.AddSingleton(hooks.Time ?? TimeProvider.System);
        services.AddSingleton(sp => hooks.Terminator ?? ActivatorUtilities.CreateInstance<ExitProcessTerminator>(sp));
        services.AddSingleton(sp => OpenLibvirt(sp.GetRequiredService<AgentOptions>(), sp.GetRequiredService<TimeProvider>(), hooks));
        services.AddSingleton(sp => FileJournal.Open(sp.GetRequiredService<AgentOptions>().StateDirectory));
        services.AddSingleton(ComposeHost);
        services.AddSingleton<IPreflight>(sp => new HostPreflight(
            sp.GetRequiredService<HostServices>().Root,
            sp.GetRequiredService<AgentOptions>().LibvirtUri,
            () => sp.GetRequiredService<AgentLibvirt>().Vms));
        services.AddSingleton(sp => new AgentRuntime(
            sp.GetRequiredService<AgentOptions>(),
            sp.GetRequiredService<FileJournal>(),
            sp.GetRequiredService<HostServices>(),
            AgentSteps.Catalog(sp.GetRequiredService<IPreflight>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Runner.UpdateRunner>>()));
        services.AddSingleton<UpdatePreparer>();
        services.AddSingleton<UpdateCoordinator>();
        services.AddSingleton<BundleStager>();
        services.AddSingleton<HostDescriber>();

        // Start order matters: recovery finishes before anything else counts as started.
        services.AddHostedService<StartupRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<UpdateCoordinator>());
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<WatchdogPinger>(sp, (Func<string, string?>)Environment.GetEnvironmentVariable));

        services.AddGrpc();
        services.AddOptions<KestrelServerOptions>().Configure<AgentOptions, ILoggerFactory>((kestrel, options, logs) =>
            AgentEndpoint.Configure(kestrel, options, logs.CreateLogger(typeof(AgentEndpoint).FullName!)));
        return services;
    }

    private static AgentLibvirt OpenLibvirt(AgentOptions options, TimeProvider time, AgentHooks hooks)
    {
        var connection = hooks.Libvirt ?? LibvirtConnection.Open(options.LibvirtUri);
        IVirtualMachines vms = new LibvirtVirtualMachines(connection, time);
        return new AgentLibvirt(connection, owned: hooks.Libvirt is null, hooks.WrapVms?.Invoke(vms) ?? vms);
    }

    private static HostServices ComposeHost(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<AgentOptions>();
        var libvirt = sp.GetRequiredService<AgentLibvirt>();
        var root = new HostRoot(options.Sandbox ?? options.Root);
        var cpus = new SysfsCpuHotplug(root);
        var handover = HandoverDrivers.For(options.Sandbox, cpus, libvirt.Connection, sp.GetRequiredService<IProcessTerminator>());
        return new HostServices(root, cpus, handover, libvirt.Vms, new ProcfsHostFacts(root), options.BundleTrustKey);
    }
}
