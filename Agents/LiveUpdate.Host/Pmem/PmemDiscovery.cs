using System.Globalization;
using System.Text.RegularExpressions;
using LiveUpdate.Host.Roots;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Host.Pmem;

/// <summary>
/// Persistent-memory discovery under a <see cref="HostRoot"/>. Read-only. The iomem and /dev/pmemN parts match what
/// the QEMU probe showed for <c>memmap=256M!1G</c>; nd namespaces and DAX mounts are read as the kernel documents
/// them and exercised here on sandbox trees.
/// </summary>
public sealed partial class PmemDiscovery : IPmemDiscovery
{
    private const ulong SectorBytes = 512;
    private readonly HostRoot _root;

    public PmemDiscovery(HostRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = root;
    }

    public async Task<PmemInventory> DiscoverAsync(CancellationToken ct)
    {
        (IReadOnlyList<PmemRegion> regions, bool hidden) = await ReadRegionsAsync(ct).ConfigureAwait(false);
        return new PmemInventory(
            regions,
            await ReadBlockDevicesAsync(ct).ConfigureAwait(false),
            await ReadNamespacesAsync(ct).ConfigureAwait(false),
            await ReadDaxMountsAsync(ct).ConfigureAwait(false),
            hidden);
    }

    private async Task<(IReadOnlyList<PmemRegion> Regions, bool Hidden)> ReadRegionsAsync(CancellationToken ct)
    {
        HostFact<string> text = await HostFileReader.ReadTextAsync(_root, HostPaths.Iomem, ct).ConfigureAwait(false);
        if (!text.IsKnown)
        {
            return ([], false);
        }

        IomemMap map;
        try
        {
            map = IomemParser.Parse(text.Value);
        }
        catch (IomemFormatException ex)
        {
            throw new InvalidDataException($"{HostPaths.Iomem} under {_root} is not iomem text: {ex.Message}", ex);
        }

        return ([.. map.PersistentMemory().Select(r => new PmemRegion(r.Start, r.End, r.Size, r.Name == IomemMap.LegacyPersistentName))],
            map.AddressesHidden);
    }

    private async Task<IReadOnlyList<PmemBlockDevice>> ReadBlockDevicesAsync(CancellationToken ct)
    {
        IEnumerable<string> names = ListNames(HostPaths.BlockDevices).Concat(ListNames("/dev")).Where(n => PmemDiskName().IsMatch(n));
        var devices = new List<PmemBlockDevice>();
        foreach (string name in names.Distinct().Order(StringComparer.Ordinal))
        {
            ulong? sectors = await ReadNumberAsync($"{HostPaths.BlockDevices}/{name}/size", ct).ConfigureAwait(false);
            string devicePath = $"/dev/{name}";
            devices.Add(new PmemBlockDevice(name, devicePath, sectors * SectorBytes, HostFileReader.Exists(_root, devicePath)));
        }

        return devices;
    }

    private async Task<IReadOnlyList<NdNamespace>> ReadNamespacesAsync(CancellationToken ct)
    {
        var namespaces = new List<NdNamespace>();
        foreach (string name in ListNames(HostPaths.NdDevices).Where(n => n.StartsWith("namespace", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string dir = $"{HostPaths.NdDevices}/{name}";
            HostFact<string> mode = await HostFileReader.ReadTrimmedAsync(_root, $"{dir}/mode", ct).ConfigureAwait(false);
            ulong? size = await ReadNumberAsync($"{dir}/size", ct).ConfigureAwait(false);
            string? block = ListNames($"{dir}/block").FirstOrDefault();
            namespaces.Add(new NdNamespace(name, mode.IsKnown ? mode.Value : null, size, block));
        }

        return namespaces;
    }

    private async Task<IReadOnlyList<DaxMount>> ReadDaxMountsAsync(CancellationToken ct)
    {
        HostFact<string> text = await HostFileReader.ReadTextAsync(_root, HostPaths.Mounts, ct).ConfigureAwait(false);
        if (!text.IsKnown)
        {
            return [];
        }

        return [.. MountTable.Parse(text.Value)
            .Where(m => m.IsDax && PmemDevicePath().IsMatch(m.Device))
            .Select(m => WithSpace(m))];
    }

    private DaxMount WithSpace(MountEntry mount)
    {
        try
        {
            var drive = new DriveInfo(_root.Resolve(mount.MountPoint));
            return new DaxMount(mount.Device, mount.MountPoint, mount.FileSystem, mount.Options, (ulong)drive.AvailableFreeSpace, (ulong)drive.TotalSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new DaxMount(mount.Device, mount.MountPoint, mount.FileSystem, mount.Options, null, null);
        }
    }

    private async Task<ulong?> ReadNumberAsync(string hostPath, CancellationToken ct)
    {
        HostFact<string> text = await HostFileReader.ReadTrimmedAsync(_root, hostPath, ct).ConfigureAwait(false);
        return text.IsKnown && ulong.TryParse(text.Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) ? value : null;
    }

    private IEnumerable<string> ListNames(string hostDirectory)
    {
        string directory = _root.Resolve(hostDirectory);
        return Directory.Exists(directory)
            ? Directory.EnumerateFileSystemEntries(directory).Select(p => Path.GetFileName(p)).ToList()
            : [];
    }

    [GeneratedRegex("^pmem[0-9]+$")]
    private static partial Regex PmemDiskName();

    [GeneratedRegex("^/dev/pmem[0-9]+(p[0-9]+)?$")]
    private static partial Regex PmemDevicePath();
}
