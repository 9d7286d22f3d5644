using System.Security.Cryptography;

namespace LiveUpdate.Kernel.Bundles;

/// <summary>
/// Checks a bundle before anything is booted from it: the manifest against its own digest, the directory
/// against the manifest (no file missing, none extra, every byte as recorded), and the signature when a
/// trusted key is configured.
/// </summary>
public static class BundleVerifier
{
    /// <exception cref="BundleVerificationException">The bundle must not be used; the reason says which check failed.</exception>
    public static BundleVerification Verify(string directory, string? trustedPublicKeyPemPath = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new BundleVerificationException(BundleFailure.DirectoryMissing, null, $"bundle directory {directory} does not exist");
        }

        var manifestPath = Path.Combine(directory, BundleFormat.ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw Missing(directory, BundleFormat.ManifestFile);
        }

        var manifest = BundleManifestReader.Read(manifestPath);
        CheckManifest(manifest, manifestPath);
        CheckDirectoryListing(directory, manifest);
        foreach (var expected in manifest.Files)
        {
            CheckFile(directory, expected);
        }

        var signed = File.Exists(Path.Combine(directory, BundleFormat.SignatureFile));
        var trusted = trustedPublicKeyPemPath is not null && CheckSignature(directory, manifest, signed, trustedPublicKeyPemPath);
        return new BundleVerification(manifest.Digest, manifest, signed, trusted);
    }

    private static void CheckManifest(BundleManifest manifest, string manifestPath)
    {
        var actual = BundleFormat.ComputeDigest(manifest.FormatVersion, manifest.CommandLineTemplate, manifest.Files);
        if (actual != manifest.Digest)
        {
            throw new BundleVerificationException(BundleFailure.ManifestEdited, BundleFormat.ManifestFile,
                $"{manifestPath} was edited: it records digest {manifest.Digest} but its content hashes to {actual}; "
                + "do not use this bundle, recreate it");
        }

        if (manifest.FormatVersion != BundleFormat.CurrentVersion)
        {
            throw new BundleVerificationException(BundleFailure.ManifestInvalid, BundleFormat.ManifestFile,
                $"bundle format version {manifest.FormatVersion} is not supported (expected {BundleFormat.CurrentVersion}); upgrade the agent");
        }

        var names = manifest.Files.Select(f => f.Name).ToList();
        if (names.Distinct().Count() != names.Count || names.Any(n => !BundleFormat.PayloadFiles.Contains(n))
            || !names.Contains(BundleFormat.KernelFile) || !names.Contains(BundleFormat.TemplateFile))
        {
            throw new BundleVerificationException(BundleFailure.ManifestInvalid, BundleFormat.ManifestFile,
                $"{manifestPath} lists files [{string.Join(", ", names)}]; a bundle holds kernel, cmdline.template and optionally initrd");
        }
    }

    private static void CheckDirectoryListing(string directory, BundleManifest manifest)
    {
        var allowed = manifest.Files.Select(f => f.Name).Append(BundleFormat.ManifestFile).Append(BundleFormat.SignatureFile).ToHashSet();
        var extra = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).FirstOrDefault(n => !allowed.Contains(n!));
        if (extra is not null)
        {
            throw new BundleVerificationException(BundleFailure.ExtraFile, extra,
                $"{Path.Combine(directory, extra)} is not part of the bundle; bundles are immutable, recreate it instead of adding files");
        }

        var missing = manifest.Files.FirstOrDefault(f => !File.Exists(Path.Combine(directory, f.Name)));
        if (missing is not null)
        {
            throw Missing(directory, missing.Name);
        }
    }

    private static void CheckFile(string directory, BundleFileEntry expected)
    {
        var actual = BundleWriter.Describe(directory, expected.Name);
        if (actual.Sha256 != expected.Sha256 || actual.Size != expected.Size)
        {
            throw new BundleVerificationException(BundleFailure.FileChanged, expected.Name,
                $"{Path.Combine(directory, expected.Name)} changed: expected sha256 {expected.Sha256} ({expected.Size} bytes), "
                + $"found {actual.Sha256} ({actual.Size} bytes); do not use this bundle, copy it again from its source");
        }
    }

    private static bool CheckSignature(string directory, BundleManifest manifest, bool signed, string keyPath)
    {
        if (!signed)
        {
            throw new BundleVerificationException(BundleFailure.SignatureMissing, BundleFormat.SignatureFile,
                $"{directory} is not signed but a trusted key ({keyPath}) is configured; create it with --sign-key");
        }

        using var key = BundleKeys.Load(keyPath, "public key");
        var signature = File.ReadAllBytes(Path.Combine(directory, BundleFormat.SignatureFile));
        if (!key.VerifyHash(Convert.FromHexString(manifest.Digest), signature, DSASignatureFormat.Rfc3279DerSequence))
        {
            throw new BundleVerificationException(BundleFailure.SignatureInvalid, BundleFormat.SignatureFile,
                $"the signature of bundle {manifest.Digest} does not verify with {keyPath}: signed with another key, or altered");
        }

        return true;
    }

    private static BundleVerificationException Missing(string directory, string name) =>
        new(BundleFailure.FileMissing, name, $"{Path.Combine(directory, name)} is missing; the bundle is incomplete, copy it again");
}
