namespace LiveUpdate.Kernel.Bundles;

/// <summary>A bundle that has passed <see cref="BundleVerifier"/>: the only form the kexec step accepts.</summary>
public sealed class Bundle
{
    private Bundle(string directory, BundleVerification verification)
    {
        Directory = directory;
        Verification = verification;
    }

    public string Directory { get; }

    public BundleVerification Verification { get; }

    public string Digest => Verification.Digest;

    public string KernelPath => Path.Combine(Directory, BundleFormat.KernelFile);

    /// <summary>Null when the bundle has no initramfs.</summary>
    public string? InitrdPath => Verification.Manifest.HasInitrd ? Path.Combine(Directory, BundleFormat.InitrdFile) : null;

    public string Template => Verification.Manifest.CommandLineTemplate;

    /// <summary>The release the kernel will report (`uname -r`), read from the image; null when it has no version string.</summary>
    public string? KernelRelease => KernelImageRelease.Read(KernelPath);

    /// <summary>Verifies <paramref name="directory"/> and opens it.</summary>
    /// <exception cref="BundleVerificationException">The bundle must not be booted.</exception>
    public static Bundle Open(string directory, string? trustedPublicKeyPemPath = null)
    {
        var full = Path.GetFullPath(directory);
        return new Bundle(full, BundleVerifier.Verify(full, trustedPublicKeyPemPath));
    }
}
