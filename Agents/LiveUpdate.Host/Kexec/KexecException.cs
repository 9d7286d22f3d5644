namespace LiveUpdate.Host.Kexec;

/// <summary>A kexec load, unload or execute failed. The message says what to do; <see cref="Errno"/> is the kernel's answer.</summary>
public sealed class KexecException : Exception
{
    public KexecException(string operation, KexecFailure reason, int? errno, string message, Exception? inner = null)
        : base(message, inner)
    {
        Operation = operation;
        Reason = reason;
        Errno = errno;
    }

    /// <summary><c>load</c>, <c>unload</c>, <c>execute</c> or <c>multikernel-boot</c>.</summary>
    public string Operation { get; }

    public KexecFailure Reason { get; }

    public int? Errno { get; }

    public bool Retryable => Reason is KexecFailure.Busy or KexecFailure.OutOfMemory;
}
