namespace LiveUpdate.Kernel.Bundles;

/// <summary>One file of a bundle as recorded in its manifest; <paramref name="Sha256"/> is lowercase hex.</summary>
public sealed record BundleFileEntry(string Name, long Size, string Sha256);
