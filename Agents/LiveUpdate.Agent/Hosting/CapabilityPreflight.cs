using LiveUpdate.Agent.Preflight;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// The readiness check the daemon uses while no fuller <see cref="IPreflight"/> is composed: can this
/// host's kernel perform the playbook's handover at all. On a sandbox the sim driver performs every kind.
/// </summary>
internal sealed class CapabilityPreflight(IHostFacts facts, bool sandbox) : IPreflight
{
    public async Task<PlaybookReadiness> CheckAsync(Playbook playbook, CancellationToken ct)
    {
        if (sandbox)
        {
            return new PlaybookReadiness(playbook.Name, true, []);
        }

        var capabilities = HandoverCapabilityDetector.Detect(await facts.CaptureAsync(ct).ConfigureAwait(false));
        var capability = capabilities.For(playbook.Handover switch
        {
            HandoverDriverKind.Multikernel => HandoverMode.Multikernel,
            HandoverDriverKind.Luo => HandoverMode.Luo,
            _ => HandoverMode.Kexec,
        });
        return capability.Available
            ? new PlaybookReadiness(playbook.Name, true, [])
            : new PlaybookReadiness(playbook.Name, false, [new PreflightReason("handover-unavailable", capability.Reason, null)]);
    }
}
