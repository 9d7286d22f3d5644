using System.Globalization;
using System.IO.Compression;
using System.Text;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Roots;

namespace LiveUpdate.Host.Sandbox;

/// <summary>
/// Lays out a plausible host's sysfs/procfs/dev tree in a directory, so the real drivers can run against a
/// simulated host: the lab gives each simulated host its own root, and tests start from it.
/// </summary>
public static class SandboxTree
{
    public const string PmemDevice = "pmem0";

    public static HostRoot Create(string directory, SandboxHostOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new SandboxHostOptions();
        var root = new HostRoot(directory);
        if (root.IsSystemRoot)
        {
            throw new ArgumentException("A sandbox tree must never be laid out over '/'.", nameof(directory));
        }

        WriteCpus(root, options);
        WriteProc(root, options);
        WriteKernelFiles(root, options);
        if (options.PmemBytes > 0)
        {
            WritePmem(root, options);
        }

        return root;
    }

    /// <summary>Writes <paramref name="text"/> at a host path under the root, creating directories.</summary>
    public static void WriteFile(HostRoot root, string hostPath, string text)
    {
        ArgumentNullException.ThrowIfNull(root);
        string path = root.Resolve(hostPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static void WriteCpus(HostRoot root, SandboxHostOptions options)
    {
        string all = CpuRangeList.Format(Enumerable.Range(0, options.CpuCount));
        WriteFile(root, HostPaths.CpusPossible, all + "\n");
        WriteFile(root, HostPaths.CpusPresent, all + "\n");
        WriteFile(root, HostPaths.CpusOnline, CpuRangeList.Format(Enumerable.Range(0, options.CpuCount).Except(options.OfflineCpus)) + "\n");
        for (int cpu = 0; cpu < options.CpuCount; cpu++)
        {
            Directory.CreateDirectory(root.Resolve($"{HostPaths.CpuDirectory}/cpu{cpu}"));
            if (cpu > 0 || options.Cpu0Hotpluggable)
            {
                WriteFile(root, HostPaths.CpuOnline(cpu), options.OfflineCpus.Contains(cpu) ? "0\n" : "1\n");
            }
        }
    }

    private static void WriteProc(HostRoot root, SandboxHostOptions options)
    {
        var cmdline = new StringBuilder($"BOOT_IMAGE=/boot/vmlinuz-{options.KernelRelease} root=/dev/vda1 ro console=ttyS0");
        if (options.PmemBytes > 0)
        {
            cmdline.Append(CultureInfo.InvariantCulture, $" memmap={options.PmemBytes >> 20}M!{options.PmemOffset >> 20}M");
        }

        if (options.ExtraCommandLine.Length > 0)
        {
            cmdline.Append(' ').Append(options.ExtraCommandLine);
        }

        WriteFile(root, HostPaths.CommandLine, cmdline.Append('\n').ToString());
        WriteFile(root, HostPaths.Iomem, SandboxIomem.Render(options));
        WriteFile(root, HostPaths.KernelRelease, options.KernelRelease + "\n");
        WriteFile(root, HostPaths.BootId, options.BootId.ToString("D") + "\n");
        WriteFile(root, HostPaths.Hostname, options.Hostname + "\n");
        WriteFile(root, HostPaths.KexecLoadDisabled, options.KexecLoadDisabled ? "1\n" : "0\n");
        ulong kib = options.RamBytes / 1024;
        WriteFile(root, HostPaths.MemInfo, string.Create(CultureInfo.InvariantCulture,
            $"MemTotal:       {kib,8} kB\nMemFree:        {kib / 2,8} kB\nMemAvailable:   {kib * 3 / 4,8} kB\n"));
        string mounts = "/dev/vda1 / ext4 rw,relatime 0 0\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n";
        if (options.PmemBytes > 0 && options.PmemMountPoint is { } mountPoint)
        {
            mounts += $"/dev/{PmemDevice} {mountPoint} ext4 rw,relatime,dax=always 0 0\n";
            Directory.CreateDirectory(root.Resolve(mountPoint));
        }

        WriteFile(root, HostPaths.Mounts, mounts);
        if (options.KernelConfig is { } config)
        {
            WriteConfigGz(root, string.Join('\n', config) + "\n");
        }
    }

    private static void WriteKernelFiles(HostRoot root, SandboxHostOptions options)
    {
        WriteFile(root, HostPaths.KexecLoaded, "0\n");
        if (options.Lockdown is { } lockdown)
        {
            WriteFile(root, HostPaths.Lockdown, lockdown + "\n");
        }
    }

    private static void WritePmem(HostRoot root, SandboxHostOptions options)
    {
        // A sparse regular file stands in for the block device: the size is right and no disk space is used.
        string device = root.Resolve($"/dev/{PmemDevice}");
        Directory.CreateDirectory(Path.GetDirectoryName(device)!);
        using (var file = new FileStream(device, FileMode.Create, FileAccess.Write))
        {
            file.SetLength((long)options.PmemBytes);
        }

        string size = string.Create(CultureInfo.InvariantCulture, $"{options.PmemBytes / 512}\n");
        WriteFile(root, $"{HostPaths.BlockDevices}/{PmemDevice}/size", size);
        string ns = $"{HostPaths.NdDevices}/namespace0.0";
        WriteFile(root, $"{ns}/mode", "fsdax\n");
        WriteFile(root, $"{ns}/size", string.Create(CultureInfo.InvariantCulture, $"{options.PmemBytes}\n"));
        Directory.CreateDirectory(root.Resolve($"{ns}/block/{PmemDevice}"));
    }

    private static void WriteConfigGz(HostRoot root, string text)
    {
        string path = root.Resolve(HostPaths.ConfigGz);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}
