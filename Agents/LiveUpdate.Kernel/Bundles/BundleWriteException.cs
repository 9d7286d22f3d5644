namespace LiveUpdate.Kernel.Bundles;

/// <summary>A bundle could not be created; nothing was left in the output directory.</summary>
public sealed class BundleWriteException : Exception
{
    public BundleWriteException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
