using System.Globalization;
using System.Text.RegularExpressions;
using LiveUpdate.Host.Roots;
using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Host.Cpu;

/// <summary>
/// CPU hotplug on the kernel's sysfs files under a <see cref="HostRoot"/>. Against <see cref="HostRoot.Machine"/>
/// this really offlines CPUs, so only the agent on a host being updated (or a QEMU guest) uses that root.
/// Offlining through <c>cpuN/online</c> has run for real inside QEMU guests (e2e probe); everything else here is
/// exercised on sandbox trees.
/// </summary>
public sealed partial class SysfsCpuHotplug : ICpuHotplug
{
    private readonly HostRoot _root;

    public SysfsCpuHotplug(HostRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = root;
    }

    public async Task<CpuTopology> GetTopologyAsync(CancellationToken ct)
    {
        IReadOnlyList<int>? possible = await ReadRangeListAsync(HostPaths.CpusPossible, ct).ConfigureAwait(false);
        IReadOnlyList<int>? present = await ReadRangeListAsync(HostPaths.CpusPresent, ct).ConfigureAwait(false);
        IReadOnlyList<int>? onlineList = await ReadRangeListAsync(HostPaths.CpusOnline, ct).ConfigureAwait(false);

        present ??= ListCpuDirectories();
        var cpus = new List<CpuState>(present.Count);
        foreach (int cpu in present)
        {
            bool hotpluggable = HostFileReader.Exists(_root, HostPaths.CpuOnline(cpu));
            bool? own = await ReadOwnStateAsync(cpu, ct).ConfigureAwait(false);

            // A CPU without an online file cannot be offlined, so it is online unless the range file says otherwise.
            bool online = own ?? onlineList?.Contains(cpu) ?? !hotpluggable;
            cpus.Add(new CpuState(cpu, online, hotpluggable));
        }

        return new CpuTopology(possible ?? present, present, cpus);
    }

    public async Task<bool> SetOnlineAsync(int cpu, bool online, CancellationToken ct)
    {
        CpuTopology topology = await GetTopologyAsync(ct).ConfigureAwait(false);
        CpuState state = topology.Find(cpu) ?? throw new CpuHotplugException(
            cpu, CpuHotplugFailure.NoSuchCpu, null,
            $"cpu{cpu} is not present (present: {CpuRangeList.Format(topology.Present)}); pick a CPU from the host's topology.");

        if (state.Online == online)
        {
            return false;
        }

        if (!state.Hotpluggable)
        {
            throw new CpuHotplugException(
                cpu, CpuHotplugFailure.NotHotpluggable, null,
                $"cpu{cpu} has no {HostPaths.CpuOnline(cpu)} file, so the kernel cannot hotplug it; choose another CPU.");
        }

        if (!online && topology.Online.Count <= 1)
        {
            throw new CpuHotplugException(
                cpu, CpuHotplugFailure.LastOnlineCpu, null,
                $"cpu{cpu} is the last online CPU; refusing to leave the host without a running CPU.");
        }

        await WriteOnlineAsync(cpu, online, ct).ConfigureAwait(false);
        return true;
    }

    public async Task<int> ChooseCpuToOfflineAsync(CancellationToken ct)
    {
        CpuTopology topology = await GetTopologyAsync(ct).ConfigureAwait(false);
        return topology.ChooseCpuToOffline() ?? throw new CpuHotplugException(
            -1,
            topology.Online.Count < 2 ? CpuHotplugFailure.LastOnlineCpu : CpuHotplugFailure.NotHotpluggable,
            null,
            $"No CPU can be offlined (online: {CpuRangeList.Format(topology.Online)}); the handover needs a host with at least two online CPUs, one of them hotpluggable.");
    }

    private async Task WriteOnlineAsync(int cpu, bool online, CancellationToken ct)
    {
        string path = _root.Resolve(HostPaths.CpuOnline(cpu));
        byte[] value = online ? "1\n"u8.ToArray() : "0\n"u8.ToArray();
        try
        {
            // FileMode.Open: never create the attribute in a sandbox tree, and never truncate a sysfs file.
            using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
            await RandomAccess.WriteAsync(handle, value, 0, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CpuHotplugErrors.FromWriteFailure(cpu, online, HostPaths.CpuOnline(cpu), ex);
        }
    }

    private async Task<bool?> ReadOwnStateAsync(int cpu, CancellationToken ct)
    {
        HostFact<string> text = await HostFileReader.ReadTrimmedAsync(_root, HostPaths.CpuOnline(cpu), ct).ConfigureAwait(false);
        return text.Value switch
        {
            "1" => true,
            "0" => false,
            _ => null,
        };
    }

    private async Task<IReadOnlyList<int>?> ReadRangeListAsync(string hostPath, CancellationToken ct)
    {
        HostFact<string> text = await HostFileReader.ReadTextAsync(_root, hostPath, ct).ConfigureAwait(false);
        if (!text.IsKnown)
        {
            return null;
        }

        try
        {
            return CpuRangeList.Parse(text.Value);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{hostPath} under {_root}: {ex.Message}", ex);
        }
    }

    private List<int> ListCpuDirectories()
    {
        string directory = _root.Resolve(HostPaths.CpuDirectory);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(directory)
            .Select(Path.GetFileName)
            .Select(name => CpuDirectoryName().Match(name ?? string.Empty))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture))
            .Order()];
    }

    [GeneratedRegex("^cpu([0-9]+)$")]
    private static partial Regex CpuDirectoryName();
}
