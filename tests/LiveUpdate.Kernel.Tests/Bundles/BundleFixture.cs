using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Kernel.Tests.Bundles;

/// <summary>Real files in a temp directory: a fake kernel and initramfs, and a key pair.</summary>
internal sealed class BundleFixture : IDisposable
{
    public const string Template = "${inherit} console=ttyS0 dyndbg=\"file a.c +p\"";

    private readonly TempDirectory temp = new();

    public BundleFixture()
    {
        KernelPath = temp.Write("vmlinuz", [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))]);
        InitrdPath = temp.Write("initrd.img", [.. Enumerable.Range(0, 5_000).Select(i => (byte)i)]);
        PrivateKey = temp.Combine("bundle.key");
        PublicKey = temp.Combine("bundle.pub");
        BundleKeys.Generate(PrivateKey, PublicKey);
        OtherPublicKey = temp.Combine("other.pub");
        BundleKeys.Generate(temp.Combine("other.key"), OtherPublicKey);
    }

    public string KernelPath { get; }

    public string InitrdPath { get; }

    public string PrivateKey { get; }

    public string PublicKey { get; }

    public string OtherPublicKey { get; }

    public string OutputDirectory => temp.Combine("bundle");

    public BundleManifest Create(bool signed = false, bool initrd = true) =>
        BundleWriter.Create(new BundleCreateRequest(KernelPath, initrd ? InitrdPath : null, Template, OutputDirectory,
            signed ? PrivateKey : null));

    public string BundleFile(string name) => Path.Combine(OutputDirectory, name);

    /// <summary>Bundle files are read-only; tests that tamper with them make them writable first.</summary>
    public void Tamper(string name, Func<byte[], byte[]> change)
    {
        var path = BundleFile(name);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(path, change(File.ReadAllBytes(path)));
    }

    public void Dispose() => temp.Dispose();
}
