using System.Security.Cryptography;
using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Kernel.Tests.Bundles;

public sealed class BundleWriterTests : IDisposable
{
    private readonly BundleFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Create_KernelInitrdTemplate_WritesReadOnlyFilesAndManifest()
    {
        var manifest = fixture.Create();

        Assert.Equal(["cmdline.template", "initrd", "kernel", "manifest.json"],
            Directory.GetFiles(fixture.OutputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var kernel = Assert.Single(manifest.Files, f => f.Name == "kernel");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(fixture.KernelPath))), kernel.Sha256);
        Assert.Equal(100_000, kernel.Size);
        Assert.Equal(BundleFixture.Template, File.ReadAllText(fixture.BundleFile("cmdline.template")));
        Assert.Matches("^[0-9a-f]{64}$", manifest.Digest);
        Assert.Contains(manifest.Digest, File.ReadAllText(fixture.BundleFile("manifest.json")), StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(fixture.OutputDirectory),
            f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void Create_SameInputsTwice_GivesSameDigest()
    {
        var first = fixture.Create();
        var second = BundleWriter.Create(new BundleCreateRequest(
            fixture.KernelPath, fixture.InitrdPath, BundleFixture.Template, fixture.OutputDirectory + "-2"));

        Assert.Equal(first.Digest, second.Digest);
    }

    [Fact]
    public void Create_OutputNotEmpty_RefusesAndLeavesItAlone()
    {
        Directory.CreateDirectory(fixture.OutputDirectory);
        File.WriteAllText(fixture.BundleFile("notes.txt"), "keep");

        var e = Assert.Throws<BundleWriteException>(() => fixture.Create());

        Assert.Contains("not empty", e.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(fixture.OutputDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public void Create_EmptyOutputDirectory_IsUsed()
    {
        Directory.CreateDirectory(fixture.OutputDirectory);

        fixture.Create();

        Assert.True(File.Exists(fixture.BundleFile("manifest.json")));
    }

    [Fact]
    public void Create_TemplateWithUnterminatedQuote_RefusedBeforeWriting()
    {
        var request = new BundleCreateRequest(fixture.KernelPath, null, "ro dyndbg=\"x", fixture.OutputDirectory);

        var e = Assert.Throws<BundleWriteException>(() => BundleWriter.Create(request));

        Assert.Contains("column 11", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.OutputDirectory));
    }

    [Fact]
    public void Create_PublicKeyAsSigningKey_RefusedAndNothingLeftBehind()
    {
        var request = new BundleCreateRequest(fixture.KernelPath, null, "ro", fixture.OutputDirectory, fixture.PublicKey);

        Assert.Throws<BundleWriteException>(() => BundleWriter.Create(request));

        Assert.False(Directory.Exists(fixture.OutputDirectory));
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetDirectoryName(fixture.OutputDirectory)!), d => d.Contains(".partial-", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_ExistingKeyFile_RefusesToOverwrite()
    {
        var before = File.ReadAllText(fixture.PrivateKey);

        Assert.Throws<BundleWriteException>(() => BundleKeys.Generate(fixture.PrivateKey, fixture.PublicKey + ".new"));

        Assert.Equal(before, File.ReadAllText(fixture.PrivateKey));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.PrivateKey));
    }
}
