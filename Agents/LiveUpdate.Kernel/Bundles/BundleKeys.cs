using System.Security.Cryptography;

namespace LiveUpdate.Kernel.Bundles;

/// <summary>ECDSA P-256 keys in PEM: PKCS#8 private key, SubjectPublicKeyInfo public key (openssl-compatible).</summary>
public static class BundleKeys
{
    /// <summary>Creates a key pair for <c>liveupdate bundle keygen</c>. The private key file is readable by its owner only.</summary>
    /// <exception cref="BundleWriteException">One of the files already exists.</exception>
    public static void Generate(string privatePemPath, string publicPemPath)
    {
        foreach (var path in new[] { privatePemPath, publicPemPath })
        {
            if (File.Exists(path))
            {
                throw new BundleWriteException($"{path} already exists; remove it or choose another path, keys are never overwritten");
            }
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(privatePemPath, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
            writer.Write('\n');
        }

        File.WriteAllText(publicPemPath, key.ExportSubjectPublicKeyInfoPem() + "\n");
    }

    internal static ECDsa Load(string pemPath, string role)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(pemPath);
        }
        catch (IOException e)
        {
            throw new BundleVerificationException(BundleFailure.KeyInvalid, null, $"cannot read the {role} {pemPath}: {e.Message}");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new BundleVerificationException(BundleFailure.KeyInvalid, null,
                $"{pemPath} is not an unencrypted ECDSA PEM {role} ({e.Message}); create one with 'liveupdate bundle keygen'");
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new BundleVerificationException(BundleFailure.KeyInvalid, null,
                $"{pemPath} is a {key.KeySize}-bit key; bundles use ECDSA P-256, create one with 'liveupdate bundle keygen'");
        }

        return key;
    }
}
