using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Steps.Verify;

/// <summary>
/// The last word on an update: every VM the update suspended runs again (exactly once: libvirt names
/// are unique per host), and every CPU is online.
/// </summary>
internal sealed class VerifyStep : IHostStep
{
    public string Kind => "verify";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var expected = StepData.DecodeList(context.DataOfKind("suspend-vms"), StepData.Vms);
        var running = (await context.Host.Vms.ListAsync(ct).ConfigureAwait(false))
            .Where(v => v.State is DomainState.Running or DomainState.Blocked)
            .Select(v => v.Name)
            .ToHashSet(StringComparer.Ordinal);
        var notRunning = expected.Where(n => !running.Contains(n)).ToList();
        if (notRunning.Count > 0 && context.Step.GetBool("require-all-running"))
        {
            throw new StepFailedException(context.Step.Id, $"VMs not running: {string.Join(", ", notRunning)}",
                hint: "their saved state is kept in the save-vms target directory; restore them with virsh restore");
        }

        var topology = await context.Host.Cpus.GetTopologyAsync(ct).ConfigureAwait(false);
        var offline = topology.Cpus.Where(c => !c.Online && c.Hotpluggable).Select(c => c.Id).ToList();
        if (offline.Count > 0)
        {
            throw new StepFailedException(context.Step.Id, $"CPUs still offline: {string.Join(", ", offline)}");
        }

        var facts = await context.Host.Facts.CaptureAsync(ct).ConfigureAwait(false);
        return StepOutcome.With(
            TimeSpan.Zero,
            ("running", running.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("kernelRelease", facts.KernelRelease.Value ?? "unknown"),
            ("bootId", facts.BootId.Value ?? "unknown"));
    }
}
