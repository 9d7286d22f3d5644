namespace LiveUpdate.Kernel.Bundles;

/// <summary>
/// The content of manifest.json. <see cref="Digest"/> (lowercase hex SHA-256 of the canonical manifest, see
/// <see cref="BundleFormat"/>) is the bundle's name.
/// </summary>
public sealed record BundleManifest(
    int FormatVersion,
    string CommandLineTemplate,
    IReadOnlyList<BundleFileEntry> Files,
    string Digest)
{
    public bool HasInitrd => Files.Any(f => f.Name == BundleFormat.InitrdFile);
}
