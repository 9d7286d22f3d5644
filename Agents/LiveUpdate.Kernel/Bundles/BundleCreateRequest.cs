namespace LiveUpdate.Kernel.Bundles;

/// <summary>What goes into a new bundle. <paramref name="SigningKeyPemPath"/> is an ECDSA P-256 private key in PEM.</summary>
public sealed record BundleCreateRequest(
    string KernelPath,
    string? InitrdPath,
    string CommandLineTemplate,
    string OutputDirectory,
    string? SigningKeyPemPath = null);
