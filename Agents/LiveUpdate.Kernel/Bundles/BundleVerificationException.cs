namespace LiveUpdate.Kernel.Bundles;

/// <summary>A bundle that must not be booted; <see cref="FileName"/> names the file at fault when there is one.</summary>
public sealed class BundleVerificationException : Exception
{
    public BundleVerificationException(BundleFailure reason, string? fileName, string message)
        : base(message)
    {
        Reason = reason;
        FileName = fileName;
    }

    public BundleFailure Reason { get; }

    public string? FileName { get; }
}
