using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LiveUpdate.Kernel.Bundles;

/// <summary>
/// File names and the canonical manifest encoding. The digest covers compact JSON with a fixed property order
/// and files sorted by name, so writer and verifier derive the same bytes from the same facts, whatever
/// formatting manifest.json itself has.
/// </summary>
public static class BundleFormat
{
    public const int CurrentVersion = 1;
    public const string KernelFile = "kernel";
    public const string InitrdFile = "initrd";
    public const string TemplateFile = "cmdline.template";
    public const string ManifestFile = "manifest.json";
    public const string SignatureFile = "manifest.sig";

    internal static readonly string[] PayloadFiles = [KernelFile, InitrdFile, TemplateFile];

    internal static byte[] CanonicalBytes(int formatVersion, string template, IEnumerable<BundleFileEntry> files)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteBody(json, formatVersion, template, files);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    internal static string ComputeDigest(int formatVersion, string template, IEnumerable<BundleFileEntry> files) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(formatVersion, template, files)));

    internal static byte[] ManifestJson(BundleManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("digest", manifest.Digest);
            WriteBody(json, manifest.FormatVersion, manifest.CommandLineTemplate, manifest.Files);
            json.WriteEndObject();
        }

        buffer.Write(Encoding.UTF8.GetBytes("\n"));
        return buffer.ToArray();
    }

    private static void WriteBody(Utf8JsonWriter json, int formatVersion, string template, IEnumerable<BundleFileEntry> files)
    {
        json.WriteNumber("formatVersion", formatVersion);
        json.WriteString("cmdlineTemplate", template);
        json.WriteStartArray("files");
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", file.Name);
            json.WriteNumber("size", file.Size);
            json.WriteString("sha256", file.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
