using System.Text;
using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Kernel.Tests.Bundles;

public sealed class BundleVerifierTests : IDisposable
{
    private readonly BundleFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Verify_FreshBundle_ReturnsManifestAndDigest()
    {
        var manifest = fixture.Create();

        var verification = BundleVerifier.Verify(fixture.OutputDirectory);

        Assert.Equal(manifest.Digest, verification.Digest);
        Assert.Equal(manifest.Files, verification.Manifest.Files);
        Assert.False(verification.Signed);
        Assert.False(verification.Trusted);
    }

    [Fact]
    public void Open_VerifiedBundle_ExposesPaths()
    {
        var manifest = fixture.Create();

        var bundle = Bundle.Open(fixture.OutputDirectory);

        Assert.Equal(manifest.Digest, bundle.Digest);
        Assert.Equal(fixture.BundleFile("kernel"), bundle.KernelPath);
        Assert.Equal(fixture.BundleFile("initrd"), bundle.InitrdPath);
        Assert.Equal(BundleFixture.Template, bundle.Template);
    }

    [Fact]
    public void Open_BundleWithoutInitrd_HasNoInitrdPath()
    {
        fixture.Create(initrd: false);

        Assert.Null(Bundle.Open(fixture.OutputDirectory).InitrdPath);
    }

    [Fact]
    public void Verify_OneByteChanged_NamesFileAndBothHashes()
    {
        var manifest = fixture.Create();
        fixture.Tamper("kernel", bytes => { bytes[4242] ^= 1; return bytes; });

        var e = Verify(BundleFailure.FileChanged);

        Assert.Equal("kernel", e.FileName);
        Assert.Contains(manifest.Files.Single(f => f.Name == "kernel").Sha256, e.Message, StringComparison.Ordinal);
        Assert.Matches("found [0-9a-f]{64}", e.Message);
    }

    [Fact]
    public void Verify_MissingInitrd_Refused()
    {
        fixture.Create();
        File.Delete(fixture.BundleFile("initrd"));

        Assert.Equal("initrd", Verify(BundleFailure.FileMissing).FileName);
    }

    [Fact]
    public void Verify_MissingManifest_Refused()
    {
        fixture.Create();
        File.Delete(fixture.BundleFile("manifest.json"));

        Assert.Equal("manifest.json", Verify(BundleFailure.FileMissing).FileName);
    }

    [Fact]
    public void Verify_ExtraFile_Refused()
    {
        fixture.Create();
        File.WriteAllText(fixture.BundleFile("kernel.orig"), "x");

        Assert.Equal("kernel.orig", Verify(BundleFailure.ExtraFile).FileName);
    }

    [Fact]
    public void Verify_ManifestTemplateEdited_DigestMismatch()
    {
        fixture.Create();
        fixture.Tamper("manifest.json", bytes =>
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("console=ttyS0", "console=ttyS1", StringComparison.Ordinal)));

        Verify(BundleFailure.ManifestEdited);
    }

    [Fact]
    public void Verify_ManifestNotJson_Refused()
    {
        fixture.Create();
        fixture.Tamper("manifest.json", _ => "{ not json"u8.ToArray());

        Verify(BundleFailure.ManifestInvalid);
    }

    [Fact]
    public void Verify_SignedWithTrustedKey_IsTrusted()
    {
        fixture.Create(signed: true);

        var verification = BundleVerifier.Verify(fixture.OutputDirectory, fixture.PublicKey);

        Assert.True(verification.Signed);
        Assert.True(verification.Trusted);
    }

    [Fact]
    public void Verify_SignedButNoKeyConfigured_SignedNotTrusted()
    {
        fixture.Create(signed: true);

        var verification = BundleVerifier.Verify(fixture.OutputDirectory);

        Assert.True(verification.Signed);
        Assert.False(verification.Trusted);
    }

    [Fact]
    public void Verify_SignedWithOtherKey_SignatureInvalid()
    {
        fixture.Create(signed: true);

        Verify(BundleFailure.SignatureInvalid, fixture.OtherPublicKey);
    }

    [Fact]
    public void Verify_SignatureAltered_SignatureInvalid()
    {
        fixture.Create(signed: true);
        fixture.Tamper("manifest.sig", bytes => { bytes[^1] ^= 0x55; return bytes; });

        Verify(BundleFailure.SignatureInvalid, fixture.PublicKey);
    }

    [Fact]
    public void Verify_UnsignedWhileKeyRequired_SignatureMissing()
    {
        fixture.Create();

        Verify(BundleFailure.SignatureMissing, fixture.PublicKey);
    }

    [Fact]
    public void Verify_TrustedKeyNotPem_KeyInvalid()
    {
        fixture.Create(signed: true);

        Verify(BundleFailure.KeyInvalid, fixture.KernelPath);
    }

    [Fact]
    public void Verify_DirectoryMissing_Refused()
    {
        Verify(BundleFailure.DirectoryMissing);
    }

    private BundleVerificationException Verify(BundleFailure expected, string? key = null)
    {
        var e = Assert.Throws<BundleVerificationException>(() => BundleVerifier.Verify(fixture.OutputDirectory, key));
        Assert.Equal(expected, e.Reason);
        return e;
    }
}
