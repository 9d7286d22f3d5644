using LiveUpdate.Agent.Update;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// Finishes or undoes the update a crash or a kernel switch interrupted, in StartAsync: the host (and
/// systemd's READY=1) counts as started only after it, and the API starts listening only after it.
/// </summary>
internal sealed class StartupRecovery(AgentRuntime runtime, ILogger<StartupRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (runtime.Latest is not { } history || !NeedsRecovery(history.State))
        {
            return;
        }

        AgentLog.RecoveryStarted(logger, history.UpdateId, history.State.ToString());
        var plan = AgentRuntime.PlanOf(history);
        var facts = await runtime.Host.Facts.CaptureAsync(cancellationToken).ConfigureAwait(false);
        var commandLine = facts.CommandLine.Value ?? Kernel.CommandLine.KernelCommandLine.Empty;

        // Not cancellable: stopping halfway through a recovery would leave VMs neither here nor there.
        using var span = Telemetry.StartRecovery(history);
        var state = await runtime.Updates.RecoverAsync(plan, AgentRuntime.LoadPlaybook(plan), runtime.BootId, commandLine).ConfigureAwait(false);
        span?.SetTag("liveupdate.update.state", state.ToString());
        AgentLog.RecoveryFinished(logger, history.UpdateId, state.ToString());
        Telemetry.UpdatesEnded.Add(1, new KeyValuePair<string, object?>("state", state.ToString()));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool NeedsRecovery(HostUpdateState state) =>
        state == HostUpdateState.Preparing || HostUpdateStateMachine.IsInFlight(state);
}
