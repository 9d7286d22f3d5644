namespace LiveUpdate.Host.Cpu;

/// <summary>Turns a failed write to <c>cpuN/online</c> into the typed exception callers act on.</summary>
internal static class CpuHotplugErrors
{
    internal const int EPERM = 1;
    internal const int EACCES = 13;
    internal const int EBUSY = 16;

    public static CpuHotplugException FromWriteFailure(int cpu, bool online, string hostPath, Exception ex)
    {
        string action = online ? "online" : "offline";
        return ex switch
        {
            FileNotFoundException or DirectoryNotFoundException => new CpuHotplugException(
                cpu, CpuHotplugFailure.NotHotpluggable, null,
                $"{hostPath} disappeared before cpu{cpu} could be set {action}; the CPU is not hotpluggable now.", ex),
            UnauthorizedAccessException => new CpuHotplugException(
                cpu, CpuHotplugFailure.PermissionDenied, EACCES,
                $"Cannot write {hostPath} to set cpu{cpu} {action}: permission denied. Run the agent as root with sysfs mounted read-write.", ex),
            IOException { HResult: EBUSY } => new CpuHotplugException(
                cpu, CpuHotplugFailure.Busy, EBUSY,
                $"The kernel answered EBUSY setting cpu{cpu} {action}; retry after the running hotplug or CPU-pinned work finishes.", ex),
            IOException { HResult: EPERM or EACCES } io => new CpuHotplugException(
                cpu, CpuHotplugFailure.PermissionDenied, io.HResult,
                $"The kernel refused to set cpu{cpu} {action} (errno {io.HResult}); the agent needs CAP_SYS_ADMIN.", ex),
            IOException io => new CpuHotplugException(
                cpu, CpuHotplugFailure.WriteFailed, io.HResult > 0 ? io.HResult : null,
                $"Setting cpu{cpu} {action} through {hostPath} failed: {io.Message}", ex),
            _ => throw new ArgumentException($"Unexpected hotplug failure type {ex.GetType()}.", nameof(ex), ex),
        };
    }
}
