using System.Text.Json;

namespace LiveUpdate.Kernel.Bundles;

/// <summary>Reads manifest.json strictly: a manifest that is not exactly what a writer produces is refused.</summary>
internal static class BundleManifestReader
{
    public static BundleManifest Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            var files = root.GetProperty("files").EnumerateArray()
                .Select(f => new BundleFileEntry(
                    f.GetProperty("name").GetString() ?? "",
                    f.GetProperty("size").GetInt64(),
                    f.GetProperty("sha256").GetString() ?? ""))
                .ToList();
            return new BundleManifest(
                root.GetProperty("formatVersion").GetInt32(),
                root.GetProperty("cmdlineTemplate").GetString() ?? "",
                files,
                root.GetProperty("digest").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BundleVerificationException(BundleFailure.ManifestInvalid, BundleFormat.ManifestFile,
                $"{path} is not a bundle manifest ({e.Message}); recreate the bundle with 'liveupdate bundle create'");
        }
    }
}
