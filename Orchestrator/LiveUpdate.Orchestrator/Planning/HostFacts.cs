namespace LiveUpdate.Orchestrator.Planning;

/// <summary>What a host's agent reported when facts were gathered for the plan.</summary>
/// <param name="BootId">The kernel's boot id; a change means the host rebooted since the plan.</param>
/// <param name="VmMemoryBytes">Memory of all running VMs together; drives the save/restore cost.</param>
/// <param name="PmemFreeBytes">Free persistent memory where VM state will be saved.</param>
/// <param name="Ready">The agent's own verdict; false comes with <paramref name="NotReadyReasons"/>.</param>
public sealed record HostFacts(
    string Host,
    string KernelRelease,
    string BootId,
    int VmCount,
    long VmMemoryBytes,
    long PmemFreeBytes,
    int Cpus,
    bool Ready,
    IReadOnlyList<string> NotReadyReasons);
