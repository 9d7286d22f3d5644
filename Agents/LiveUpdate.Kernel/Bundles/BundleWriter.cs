using System.Security.Cryptography;
using System.Text;
using LiveUpdate.Kernel.CommandLine;

namespace LiveUpdate.Kernel.Bundles;

/// <summary>
/// Creates bundles. Everything is written into a hidden sibling directory first and moved into place at the
/// end, so the output directory holds either a complete bundle or nothing.
/// </summary>
public static class BundleWriter
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <exception cref="BundleWriteException">Bad input, a non-empty output directory, or an unusable key.</exception>
    public static BundleManifest Create(BundleCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        using var signingKey = request.SigningKeyPemPath is null ? null : LoadSigningKey(request.SigningKeyPemPath);

        var output = Path.GetFullPath(request.OutputDirectory);
        var staging = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var complete = false;
        try
        {
            File.Copy(request.KernelPath, Path.Combine(staging, BundleFormat.KernelFile));
            if (request.InitrdPath is not null)
            {
                File.Copy(request.InitrdPath, Path.Combine(staging, BundleFormat.InitrdFile));
            }

            File.WriteAllBytes(Path.Combine(staging, BundleFormat.TemplateFile), Encoding.UTF8.GetBytes(request.CommandLineTemplate));
            var files = BundleFormat.PayloadFiles
                .Where(name => File.Exists(Path.Combine(staging, name)))
                .Order(StringComparer.Ordinal)
                .Select(name => Describe(staging, name))
                .ToList();
            var digest = BundleFormat.ComputeDigest(BundleFormat.CurrentVersion, request.CommandLineTemplate, files);
            var manifest = new BundleManifest(BundleFormat.CurrentVersion, request.CommandLineTemplate, files, digest);
            File.WriteAllBytes(Path.Combine(staging, BundleFormat.ManifestFile), BundleFormat.ManifestJson(manifest));
            if (signingKey is not null)
            {
                var signature = signingKey.SignHash(Convert.FromHexString(digest), DSASignatureFormat.Rfc3279DerSequence);
                File.WriteAllBytes(Path.Combine(staging, BundleFormat.SignatureFile), signature);
            }

            foreach (var file in Directory.EnumerateFiles(staging))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, ReadOnly);
                }
            }

            if (Directory.Exists(output))
            {
                Directory.Delete(output);
            }

            Directory.Move(staging, output);
            complete = true;
            return manifest;
        }
        finally
        {
            if (!complete)
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void Validate(BundleCreateRequest request)
    {
        if (!File.Exists(request.KernelPath))
        {
            throw new BundleWriteException($"kernel image {request.KernelPath} does not exist");
        }

        if (request.InitrdPath is not null && !File.Exists(request.InitrdPath))
        {
            throw new BundleWriteException($"initramfs {request.InitrdPath} does not exist; omit it for a kernel without one");
        }

        try
        {
            _ = KernelCommandLine.Parse(request.CommandLineTemplate);
        }
        catch (KernelCommandLineException e)
        {
            throw new BundleWriteException($"command line template: {e.Message}", e);
        }

        if (Directory.Exists(request.OutputDirectory) && Directory.EnumerateFileSystemEntries(request.OutputDirectory).Any())
        {
            throw new BundleWriteException($"{request.OutputDirectory} is not empty; bundles are immutable, choose a new directory");
        }
    }

    private static ECDsa LoadSigningKey(string path)
    {
        ECDsa key;
        try
        {
            key = BundleKeys.Load(path, "private key");
        }
        catch (BundleVerificationException e)
        {
            throw new BundleWriteException(e.Message, e);
        }

        try
        {
            _ = key.ExportParameters(includePrivateParameters: true);
            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new BundleWriteException($"{path} holds no private key; sign with the private half of 'liveupdate bundle keygen'", e);
        }
    }

    internal static BundleFileEntry Describe(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new BundleFileEntry(name, stream.Length, hash);
    }
}
