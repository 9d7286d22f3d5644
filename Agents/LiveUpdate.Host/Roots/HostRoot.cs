namespace LiveUpdate.Host.Roots;

/// <summary>
/// The directory every host driver treats as "/". Real hosts use <see cref="Machine"/>; tests and the lab
/// hand the drivers a sandbox tree so the same code runs without touching the machine's kernel state.
/// </summary>
public sealed class HostRoot
{
    public HostRoot(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!global::System.IO.Path.IsPathRooted(path))
        {
            throw new ArgumentException($"Host root '{path}' must be an absolute path.", nameof(path));
        }

        Path = global::System.IO.Path.TrimEndingDirectorySeparator(global::System.IO.Path.GetFullPath(path));
    }

    /// <summary>The machine's own root. Only production code on a real host (or a QEMU guest) uses this.</summary>
    public static HostRoot Machine { get; } = new("/");

    public string Path { get; }

    /// <summary>True when this root is the running machine's own filesystem, where writes change kernel state.</summary>
    public bool IsSystemRoot => Path == "/";

    /// <summary>Maps an absolute host path such as <c>/proc/cmdline</c> into this root.</summary>
    public string Resolve(string hostPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostPath);
        if (hostPath[0] != '/')
        {
            throw new ArgumentException($"Host path '{hostPath}' must start with '/'.", nameof(hostPath));
        }

        return IsSystemRoot ? hostPath : Path + hostPath;
    }

    public override string ToString() => Path;
}
