using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;

namespace LiveUpdate.Host.Tests.Sandbox;

/// <summary>
/// A host tree in a fresh temp directory, deleted on dispose. Starts empty or from the production
/// <see cref="SandboxTree"/> layout; tests then add, remove or break individual kernel files.
/// </summary>
internal sealed class SandboxHostTree : IDisposable
{
    private SandboxHostTree(HostRoot root)
    {
        Root = root;
    }

    public HostRoot Root { get; }

    public static SandboxHostTree Empty() => new(new HostRoot(NewDirectory()));

    public static SandboxHostTree Plausible(SandboxHostOptions? options = null) =>
        new(SandboxTree.Create(NewDirectory(), options));

    public string PathOf(string hostPath) => Root.Resolve(hostPath);

    public SandboxHostTree Write(string hostPath, string text)
    {
        SandboxTree.WriteFile(Root, hostPath, text);
        return this;
    }

    public SandboxHostTree Directory(string hostPath)
    {
        System.IO.Directory.CreateDirectory(PathOf(hostPath));
        return this;
    }

    public SandboxHostTree Delete(string hostPath)
    {
        string path = PathOf(hostPath);
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }

        return this;
    }

    /// <summary>
    /// Puts a directory where a file was. Tests run as root, which writes through any file mode, so this is how a
    /// test makes opening a kernel attribute for writing fail.
    /// </summary>
    public SandboxHostTree MakeUnwritable(string hostPath)
    {
        Delete(hostPath);
        return Directory(hostPath);
    }

    public string Read(string hostPath) => File.ReadAllText(PathOf(hostPath));

    public void Dispose()
    {
        if (!Root.IsSystemRoot && System.IO.Directory.Exists(Root.Path))
        {
            System.IO.Directory.Delete(Root.Path, recursive: true);
        }
    }

    private static string NewDirectory() =>
        System.IO.Directory.CreateTempSubdirectory("liveupdate-host-").FullName;
}
