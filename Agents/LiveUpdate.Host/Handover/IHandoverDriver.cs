using LiveUpdate.Host.Kexec;

namespace LiveUpdate.Host.Handover;

/// <summary>One way of switching to the next kernel. The agent picks one from <see cref="HandoverCapabilities"/>.</summary>
public interface IHandoverDriver
{
    HandoverMode Mode { get; }

    Task LoadAsync(KexecLoadRequest request, CancellationToken ct);

    Task UnloadAsync(CancellationToken ct);

    /// <summary>
    /// Starts the loaded kernel. <paramref name="targetCpu"/> is the offlined CPU the new kernel boots on
    /// (required by multikernel, ignored by kexec). On a real host a kexec handover does not return.
    /// </summary>
    Task HandOverAsync(int? targetCpu, CancellationToken ct);
}
