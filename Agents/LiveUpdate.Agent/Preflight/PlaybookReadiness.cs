namespace LiveUpdate.Agent.Preflight;

/// <summary>Whether one playbook can run on this host now, with every reason when not.</summary>
/// <param name="Reasons">Each one blocks the playbook; all are listed, not only the first.</param>
public sealed record PlaybookReadiness(string Playbook, bool Ready, IReadOnlyList<PreflightReason> Reasons)
{
    /// <summary>Worth knowing but not blocking, e.g. a PMEM filesystem mounted without DAX.</summary>
    public IReadOnlyList<PreflightReason> Notes { get; init; } = [];

    /// <summary>Each running VM and whether this playbook can carry its state across; empty when libvirt was not reachable.</summary>
    public IReadOnlyList<VmPreservability> Vms { get; init; } = [];
}
