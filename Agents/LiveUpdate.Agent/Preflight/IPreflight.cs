using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Preflight;

/// <summary>Checks, without changing anything, whether this host can run a playbook now.</summary>
public interface IPreflight
{
    Task<PlaybookReadiness> CheckAsync(Playbook playbook, CancellationToken ct);

    /// <summary>
    /// Reads the host's facts once and judges every playbook against them: what Describe and
    /// <c>liveupdate-agent preflight</c> show. <see cref="HostPreflight"/> never throws for an unreadable
    /// fact or an unreachable libvirt; those become reasons.
    /// </summary>
    Task<PreflightReport> ReportAsync(IEnumerable<Playbook> playbooks, CancellationToken ct);
}
