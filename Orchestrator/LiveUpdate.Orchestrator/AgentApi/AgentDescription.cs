namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>What an agent says about its host before an update: the identity the update starts from.</summary>
/// <param name="BundleDigest">The bundle the host runs now; a rollback returns the host to it.</param>
/// <param name="ReadyPlaybooks">Playbooks whose preflight passes on this host.</param>
public sealed record AgentDescription(
    string HostName,
    string KernelRelease,
    string BootId,
    string BundleDigest,
    int VmCount,
    long VmMemoryBytes,
    IReadOnlyList<string> ReadyPlaybooks)
{
    /// <summary>Free bytes where VM state will be saved (PMEM), as the agent measured them.</summary>
    public long PmemFreeBytes { get; init; }

    public int CpusOnline { get; init; }

    /// <summary>Why each playbook that is not ready is not, with the fix, by playbook name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> NotReadyReasons { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
