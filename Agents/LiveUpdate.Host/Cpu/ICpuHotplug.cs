namespace LiveUpdate.Host.Cpu;

/// <summary>CPU hotplug through <c>/sys/devices/system/cpu</c>.</summary>
public interface ICpuHotplug
{
    Task<CpuTopology> GetTopologyAsync(CancellationToken ct);

    /// <summary>
    /// Brings <paramref name="cpu"/> online or offline. Idempotent: returns false without writing when the CPU is
    /// already in that state, true when it wrote. Throws <see cref="CpuHotplugException"/> otherwise.
    /// </summary>
    Task<bool> SetOnlineAsync(int cpu, bool online, CancellationToken ct);

    /// <summary>The CPU to hand the new kernel (see <see cref="CpuTopology.ChooseCpuToOffline"/>); throws when there is none.</summary>
    Task<int> ChooseCpuToOfflineAsync(CancellationToken ct);
}
