namespace LiveUpdate.Lab.Libvirtd;

/// <summary>
/// The files a private libvirtd sees instead of the machine's: its own /etc/libvirt (guests as root, no
/// security driver, no cgroups, guest output to plain files so no virtlogd), passwd and group copies with
/// the libvirt-qemu user the QEMU driver insists on, and its own /run, /var/lib, /var/log and /var/cache.
/// Whole parent directories are bound over, so no mount point is ever created on the machine itself.
/// </summary>
internal sealed class PrivateLibvirtdTree(string root)
{
    public string Root { get; } = root;

    public string RunDirectory => Path.Combine(Root, "run", "libvirt");

    public string SocketPath => Path.Combine(RunDirectory, "libvirt-sock");

    public string PidFile => Path.Combine(Root, "libvirtd.pid");

    public string StdoutPath => Path.Combine(Root, "libvirtd.stdout");

    public string LogPath => Path.Combine(Root, "var-log", "libvirt", "libvirtd.log");

    public string QemuPidDirectory => Path.Combine(RunDirectory, "qemu");

    public void Populate()
    {
        foreach (var dir in new[] { "etc", "run/libvirt", "var-lib/libvirt", "var-log/libvirt", "var-cache/libvirt", "no-drivers" })
        {
            Directory.CreateDirectory(Path.Combine(Root, dir));
        }

        if (Directory.Exists("/etc/libvirt"))
        {
            foreach (var file in Directory.GetFiles("/etc/libvirt"))
            {
                File.Copy(file, Path.Combine(Root, "etc", Path.GetFileName(file)), overwrite: true);
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
    }

    /// <summary>Bash run in a private mount namespace: bind our trees over libvirt's paths, then become libvirtd.</summary>
    public string MountScript(bool hypervisorDrivers, IReadOnlyList<string> readOnlyPaths)
    {
        var binds = new List<(string Source, string Target)>
        {
            (Path.Combine(Root, "etc"), "/etc/libvirt"),
            (Path.Combine(Root, "run"), "/run"),
            (Path.Combine(Root, "var-lib"), "/var/lib"),
            (Path.Combine(Root, "var-log"), "/var/log"),
            (Path.Combine(Root, "var-cache"), "/var/cache"),
            (Path.Combine(Root, "passwd"), "/etc/passwd"),
            (Path.Combine(Root, "group"), "/etc/group"),
        };
        if (!hypervisorDrivers)
        {
            binds.Add((Path.Combine(Root, "no-drivers"), "/usr/lib/x86_64-linux-gnu/libvirt/connection-driver"));
        }

        var mounts = string.Join(" && ", binds.Select(b => $"mount --bind '{b.Source}' '{b.Target}'")
            .Concat(readOnlyPaths.Select(p => $"mount --bind '{p}' '{p}' && mount -o remount,bind,ro '{p}'")));
        return $"exec >'{StdoutPath}' 2>&1; {mounts} && exec /usr/sbin/libvirtd -p '{PidFile}'";
    }

    private void WriteWithEntry(string source, string copyName, string entry)
    {
        var lines = File.ReadAllLines(source).ToList();
        if (!lines.Any(l => l.StartsWith(entry[..(entry.IndexOf(':', StringComparison.Ordinal) + 1)], StringComparison.Ordinal)))
        {
            lines.Add(entry);
        }

        File.WriteAllLines(Path.Combine(Root, copyName), lines);
    }
}
