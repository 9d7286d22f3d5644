namespace LiveUpdate.Host.Cpu;

/// <summary>A CPU could not be brought online or offline. <see cref="Reason"/> says which case; the message says what to do.</summary>
public sealed class CpuHotplugException : Exception
{
    public CpuHotplugException(int cpu, CpuHotplugFailure reason, int? errno, string message, Exception? inner = null)
        : base(message, inner)
    {
        Cpu = cpu;
        Reason = reason;
        Errno = errno;
    }

    public int Cpu { get; }

    public CpuHotplugFailure Reason { get; }

    /// <summary>The errno the kernel returned, when the failure came from the kernel.</summary>
    public int? Errno { get; }

    /// <summary>Busy is the one case worth retrying after a short wait.</summary>
    public bool Retryable => Reason == CpuHotplugFailure.Busy;
}
