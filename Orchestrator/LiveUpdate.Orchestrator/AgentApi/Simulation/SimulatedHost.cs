namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>A simulated hypervisor host: what it runs now, how long each step takes on it, and what will go wrong.</summary>
/// <param name="Kernels">Kernel release by bundle digest: what the host runs after a bundle is installed.</param>
/// <param name="StageTime">Time to receive a bundle; Describe, Prepare and the other calls take <see cref="CallTime"/>.</param>
public sealed record SimulatedHost(
    string Host,
    string FailureDomain,
    string KernelRelease,
    string BundleDigest,
    int VmCount,
    long VmMemoryBytes,
    IReadOnlyList<SimulatedStep> Steps,
    IReadOnlyDictionary<string, string> Kernels,
    SimulatedFailure Failure = SimulatedFailure.None)
{
    public TimeSpan StageTime { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan CallTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Undoing the completed steps after a failure before handover.</summary>
    public TimeSpan CompensationTime { get; init; } = TimeSpan.FromSeconds(3);
}
