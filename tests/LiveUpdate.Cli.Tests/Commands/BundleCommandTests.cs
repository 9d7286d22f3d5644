using System.Text.Json;

namespace LiveUpdate.Cli.Tests.Commands;

public sealed class BundleCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("cli-bundle");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task CreateThenVerify_SignedBundle_RoundTrips()
    {
        var (kernel, initrd) = Inputs();
        await CliRun.RunAsync("bundle", "keygen", "--private", _dir.Combine("k.pem"), "--public", _dir.Combine("k.pub"));

        var created = await CliRun.RunAsync("bundle", "create", "--kernel", kernel, "--initrd", initrd,
            "--cmdline-template", "console=ttyS0 ${inherit}", "--out", _dir.Combine("b"), "--sign", _dir.Combine("k.pem"), "--json");
        var verified = await CliRun.RunAsync("bundle", "verify", _dir.Combine("b"), "--trust", _dir.Combine("k.pub"), "--json");

        Assert.Equal(ExitCodes.Ok, created.ExitCode);
        Assert.Equal(ExitCodes.Ok, verified.ExitCode);
        var digest = JsonDocument.Parse(created.Out).RootElement.GetProperty("digest").GetString();
        var result = JsonDocument.Parse(verified.Out).RootElement;
        Assert.Equal(digest, result.GetProperty("digest").GetString());
        Assert.True(result.GetProperty("trusted").GetBoolean());
    }

    [Fact]
    public async Task Verify_OneByteChanged_IsRefusedNamingTheFile()
    {
        var (kernel, _) = Inputs();
        await CliRun.RunAsync("bundle", "create", "--kernel", kernel, "--cmdline-template", "${inherit}", "--out", _dir.Combine("b"));
        var image = Path.Combine(_dir.Combine("b"), "kernel");
        File.SetAttributes(image, FileAttributes.Normal);
        var bytes = File.ReadAllBytes(image);
        bytes[100] ^= 0x01;
        File.WriteAllBytes(image, bytes);

        var run = await CliRun.RunAsync("bundle", "verify", _dir.Combine("b"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("bundle refused", run.Error, StringComparison.Ordinal);
        Assert.Contains("kernel", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SignedWithAnotherKey_IsRefused()
    {
        var (kernel, _) = Inputs();
        await CliRun.RunAsync("bundle", "keygen", "--private", _dir.Combine("a.pem"), "--public", _dir.Combine("a.pub"));
        await CliRun.RunAsync("bundle", "keygen", "--private", _dir.Combine("b.pem"), "--public", _dir.Combine("b.pub"));
        await CliRun.RunAsync("bundle", "create", "--kernel", kernel, "--cmdline-template", "${inherit}", "--out", _dir.Combine("b"), "--sign", _dir.Combine("a.pem"));

        var run = await CliRun.RunAsync("bundle", "verify", _dir.Combine("b"), "--trust", _dir.Combine("b.pub"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("signature", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_IntoNonEmptyDirectory_IsRefusedAndChangesNothing()
    {
        var (kernel, _) = Inputs();
        var existing = _dir.WriteFile("out/keep.txt", "operator data");

        var run = await CliRun.RunAsync("bundle", "create", "--kernel", kernel, "--cmdline-template", "${inherit}", "--out", _dir.Combine("out"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(["keep.txt"], Directory.GetFiles(_dir.Combine("out")).Select(Path.GetFileName));
        Assert.Equal("operator data", File.ReadAllText(existing));
    }

    private (string Kernel, string Initrd) Inputs()
    {
        var kernel = _dir.Write("vmlinuz", Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray());
        var initrd = _dir.Write("initrd.img", Enumerable.Range(0, 1024).Select(i => (byte)(i * 7)).ToArray());
        return (kernel, initrd);
    }
}
