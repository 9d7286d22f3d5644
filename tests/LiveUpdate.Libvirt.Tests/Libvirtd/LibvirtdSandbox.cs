namespace LiveUpdate.Libvirt.Tests.Libvirtd;

/// <summary>
/// The files a private libvirtd sees instead of the machine's: its own /etc/libvirt (qemu.conf running
/// guests as root, no security driver, no cgroups, guest output to plain files so no virtlogd), passwd
/// and group copies with the libvirt-qemu user the qemu driver insists on, and its own /run, /var/lib,
/// /var/log and /var/cache libvirt trees. Nothing here is mounted; <see cref="MountScript"/> does that
/// inside a private mount namespace, so the machine's own files are never changed.
/// </summary>
internal sealed class LibvirtdSandbox
{
    private static readonly string[] MountPoints =
        ["/etc/libvirt", "/run/libvirt", "/var/lib/libvirt", "/var/log/libvirt", "/var/cache/libvirt"];

    private readonly List<string> createdMountPoints = [];

    private LibvirtdSandbox(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string SocketPath => Path.Combine(Root, "run", "libvirt-sock");

    public string RunDirectory => Path.Combine(Root, "run");

    public string LogPath => Path.Combine(Root, "log", "libvirtd.log");

    public string StdoutPath => Path.Combine(Root, "libvirtd.stdout");

    public string WorkDirectory => Path.Combine(Root, "work");

    public static LibvirtdSandbox Create()
    {
        var sandbox = new LibvirtdSandbox(Directory.CreateTempSubdirectory("libvirtd-sandbox-").FullName);
        sandbox.Populate();
        return sandbox;
    }

    /// <summary>Bash run under <c>unshare -m</c>: bind our trees over libvirt's paths, then become libvirtd.</summary>
    public string MountScript()
    {
        var binds = new (string Source, string Target)[]
        {
            (Path.Combine(Root, "etc"), "/etc/libvirt"),
            (Path.Combine(Root, "run"), "/run/libvirt"),
            (Path.Combine(Root, "lib"), "/var/lib/libvirt"),
            (Path.Combine(Root, "log"), "/var/log/libvirt"),
            (Path.Combine(Root, "cache"), "/var/cache/libvirt"),
            (Path.Combine(Root, "passwd"), "/etc/passwd"),
            (Path.Combine(Root, "group"), "/etc/group"),
        };
        var mounts = string.Join(" && ", binds.Select(b => $"mount --bind '{b.Source}' '{b.Target}'"));
        return $"exec >'{StdoutPath}' 2>&1; {mounts} && exec /usr/sbin/libvirtd -p '{Path.Combine(Root, "libvirtd.pid")}'";
    }

    /// <summary>Removes the empty mount-point directories this sandbox had to create on the machine.</summary>
    public void RemoveCreatedMountPoints()
    {
        foreach (var dir in createdMountPoints.Where(d => Directory.Exists(d) && !Directory.EnumerateFileSystemEntries(d).Any()))
        {
            Directory.Delete(dir);
        }
    }

    public void Delete() => Directory.Delete(Root, recursive: true);

    private void Populate()
    {
        foreach (var dir in new[] { "etc", "run", "lib", "log", "cache", "work" })
        {
            Directory.CreateDirectory(Path.Combine(Root, dir));
        }

        if (Directory.Exists("/etc/libvirt"))
        {
            foreach (var file in Directory.GetFiles("/etc/libvirt"))
            {
                File.Copy(file, Path.Combine(Root, "etc", Path.GetFileName(file)));
            }
        }

        File.WriteAllText(Path.Combine(Root, "etc", "qemu.conf"), """
            user = "root"
            group = "root"
            dynamic_ownership = 0
            remember_owner = 0
            security_driver = "none"
            cgroup_controllers = [ ]
            stdio_handler = "file"

            """);
        File.WriteAllText(Path.Combine(Root, "etc", "libvirtd.conf"), """
            auth_unix_rw = "none"
            auth_unix_ro = "none"
            log_outputs = "3:file:/var/log/libvirt/libvirtd.log"

            """);
        WriteWithEntry("/etc/passwd", "passwd", "libvirt-qemu:x:64055:64055:Libvirt Qemu:/var/lib/libvirt:/usr/sbin/nologin");
        WriteWithEntry("/etc/group", "group", "libvirt-qemu:x:64055:");

        foreach (var mountPoint in MountPoints.Where(m => !Directory.Exists(m)))
        {
            Directory.CreateDirectory(mountPoint);
            createdMountPoints.Add(mountPoint);
        }
    }

    private void WriteWithEntry(string source, string copyName, string entry)
    {
        var lines = File.ReadAllLines(source).ToList();
        if (!lines.Any(l => l.StartsWith("libvirt-qemu:", StringComparison.Ordinal)))
        {
            lines.Add(entry);
        }

        File.WriteAllLines(Path.Combine(Root, copyName), lines);
    }
}
