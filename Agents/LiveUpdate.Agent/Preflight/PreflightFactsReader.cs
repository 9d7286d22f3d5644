using LiveUpdate.Agent.Vms;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Pmem;
using LiveUpdate.Host.Roots;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Preflight;

/// <summary>The only part of preflight that does I/O: reads the host under its root, and the VMs from libvirt. Never writes.</summary>
internal static class PreflightFactsReader
{
    public static async Task<PreflightFacts> ReadAsync(
        HostRoot root, string libvirtUri, Func<IVirtualMachines> connect, IEnumerable<string> saveTargets, CancellationToken ct)
    {
        HostFactsSnapshot host = await new ProcfsHostFacts(root).CaptureAsync(ct).ConfigureAwait(false);
        var unknown = new List<string>();
        PmemInventory pmem = await ReadPmemAsync(root, unknown, ct).ConfigureAwait(false);
        IReadOnlyList<HostMount>? mounts = await ReadMountsAsync(root, unknown, ct).ConfigureAwait(false);
        var targets = saveTargets.Distinct(StringComparer.Ordinal).ToDictionary(
            t => t, t => new SaveTargetFact(t, mounts is null || !t.StartsWith('/') ? null : MountTableText.Find(mounts, t), FreeBytesAt(root, t)), StringComparer.Ordinal);
        VmCensus vms = await ReadVmsAsync(connect, ct).ConfigureAwait(false);
        return new PreflightFacts(host, HandoverCapabilityDetector.Detect(host), pmem, mounts ?? [], targets, libvirtUri, vms, [.. HostUnknowns(host), .. unknown]);
    }

    private static async Task<VmCensus> ReadVmsAsync(Func<IVirtualMachines> connect, CancellationToken ct)
    {
        try
        {
            IVirtualMachines vms = connect();
            var facts = new List<VmFact>();
            foreach (VmInfo vm in await vms.ListAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    string xml = await vms.GetXmlAsync(vm.Name, ct).ConfigureAwait(false);
                    facts.Add(new VmFact(vm.Name, vm.State, vm.MemoryKiB * 1024, DomainXmlRules.PassthroughDevices(xml)));
                }
                catch (LibvirtException ex) when (ex.Code == LibvirtErrorCode.NoDomain)
                {
                    // Stopped and undefined since the list was taken: nothing to preserve.
                }
            }

            return new VmCensus(facts, null);
        }
        catch (LibvirtException ex)
        {
            return VmCensus.Unreachable(ex.Message);
        }
        catch (DllNotFoundException ex)
        {
            return VmCensus.Unreachable($"the libvirt client library is not installed ({ex.Message})");
        }
        catch (InvalidDataException ex)
        {
            return VmCensus.Unreachable(ex.Message);
        }
    }

    private static async Task<PmemInventory> ReadPmemAsync(HostRoot root, List<string> unknown, CancellationToken ct)
    {
        try
        {
            return await new PmemDiscovery(root).DiscoverAsync(ct).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            unknown.Add($"pmem: {ex.Message}");
            return new PmemInventory([], [], [], [], false);
        }
    }

    private static async Task<IReadOnlyList<HostMount>?> ReadMountsAsync(HostRoot root, List<string> unknown, CancellationToken ct)
    {
        try
        {
            return MountTableText.Parse(await File.ReadAllTextAsync(root.Resolve(HostPaths.Mounts), ct).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            unknown.Add($"mounts: {HostPaths.Mounts} could not be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>Free space where the target will be: it may not exist yet, so the nearest existing directory above it (never above the root).</summary>
    private static ulong? FreeBytesAt(HostRoot root, string hostPath)
    {
        if (!hostPath.StartsWith('/'))
        {
            return null;
        }

        string? directory = root.Resolve(hostPath);
        while (directory is not null && !Directory.Exists(directory) && directory.Length > root.Path.Length)
        {
            directory = Path.GetDirectoryName(directory);
        }

        try
        {
            return directory is not null && Directory.Exists(directory) ? (ulong)new DriveInfo(directory).AvailableFreeSpace : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static IEnumerable<string> HostUnknowns(HostFactsSnapshot host)
    {
        (string Name, string? Reason)[] facts =
        [
            ("hostname", host.Hostname.MissingReason), ("kernel release", host.KernelRelease.MissingReason),
            ("boot id", host.BootId.MissingReason), ("command line", host.CommandLine.MissingReason),
            ("iomem", host.Iomem.MissingReason), ("memory", host.Memory.MissingReason), ("cpus", host.Cpus.MissingReason),
            ("kernel config", host.KernelConfig.MissingReason), ("lockdown", host.Lockdown.MissingReason),
            ("kexec_load_disabled", host.KexecLoadDisabled.MissingReason),
        ];
        return facts.Where(f => f.Reason is not null).Select(f => $"{f.Name}: {f.Reason}");
    }
}
