using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Roots;
using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Host.Facts;

/// <summary>
/// Host facts from procfs and sysfs under a <see cref="HostRoot"/>. Read-only: safe against the machine's own
/// root, which the tests do to check the release against the running kernel.
/// </summary>
public sealed class ProcfsHostFacts : IHostFacts
{
    private readonly HostRoot _root;
    private readonly ICpuHotplug _cpus;

    public ProcfsHostFacts(HostRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = root;
        _cpus = new SysfsCpuHotplug(root);
    }

    public async Task<HostFactsSnapshot> CaptureAsync(CancellationToken ct)
    {
        HostFact<string> cmdlineText = await ReadTrimmedAsync(HostPaths.CommandLine, ct).ConfigureAwait(false);
        HostFact<string> iomemText = await HostFileReader.ReadTextAsync(_root, HostPaths.Iomem, ct).ConfigureAwait(false);
        HostFact<string> release = await ReadTrimmedAsync(HostPaths.KernelRelease, ct).ConfigureAwait(false);
        HostFact<string> memInfo = await HostFileReader.ReadTextAsync(_root, HostPaths.MemInfo, ct).ConfigureAwait(false);
        HostFact<string> lockdown = await HostFileReader.ReadTextAsync(_root, HostPaths.Lockdown, ct).ConfigureAwait(false);
        HostFact<string> kexecDisabled = await HostFileReader.ReadTextAsync(_root, HostPaths.KexecLoadDisabled, ct).ConfigureAwait(false);

        return new HostFactsSnapshot
        {
            Root = _root,
            CommandLineText = cmdlineText,
            CommandLine = ParseCommandLine(cmdlineText),
            IomemText = iomemText,
            Iomem = ParseIomem(iomemText),
            KernelRelease = release,
            BootId = await ReadTrimmedAsync(HostPaths.BootId, ct).ConfigureAwait(false),
            Hostname = await ReadHostnameAsync(ct).ConfigureAwait(false),
            Memory = memInfo.IsKnown ? HostFactParsers.ParseMemInfo(memInfo.Value) : HostFact<MemoryInfo>.Missing(memInfo.MissingReason),
            Cpus = await ReadCpusAsync(ct).ConfigureAwait(false),
            KernelConfig = await KernelConfigReader.ReadAsync(_root, release, ct).ConfigureAwait(false),
            Lockdown = lockdown.IsKnown ? HostFactParsers.ParseLockdown(lockdown.Value) : HostFact<LockdownMode>.Missing(lockdown.MissingReason),
            KexecLoadDisabled = kexecDisabled.IsKnown
                ? HostFactParsers.ParseFlag(kexecDisabled.Value, HostPaths.KexecLoadDisabled)
                : HostFact<bool>.Missing(kexecDisabled.MissingReason),
        };
    }

    private Task<HostFact<string>> ReadTrimmedAsync(string hostPath, CancellationToken ct) =>
        HostFileReader.ReadTrimmedAsync(_root, hostPath, ct);

    private async Task<HostFact<string>> ReadHostnameAsync(CancellationToken ct)
    {
        HostFact<string> kernel = await ReadTrimmedAsync(HostPaths.Hostname, ct).ConfigureAwait(false);
        return kernel.IsKnown ? kernel : await ReadTrimmedAsync("/etc/hostname", ct).ConfigureAwait(false);
    }

    private async Task<HostFact<CpuTopology>> ReadCpusAsync(CancellationToken ct)
    {
        try
        {
            CpuTopology topology = await _cpus.GetTopologyAsync(ct).ConfigureAwait(false);
            return topology.Cpus.Count > 0
                ? HostFact<CpuTopology>.Known(topology)
                : HostFact<CpuTopology>.Missing($"{HostPaths.CpuDirectory} lists no CPUs");
        }
        catch (InvalidDataException ex)
        {
            return HostFact<CpuTopology>.Missing(ex.Message);
        }
    }

    private static HostFact<KernelCommandLine> ParseCommandLine(HostFact<string> text)
    {
        if (!text.IsKnown)
        {
            return HostFact<KernelCommandLine>.Missing(text.MissingReason);
        }

        try
        {
            return HostFact<KernelCommandLine>.Known(KernelCommandLine.Parse(text.Value));
        }
        catch (KernelCommandLineException ex)
        {
            return HostFact<KernelCommandLine>.Missing($"{HostPaths.CommandLine} does not parse: {ex.Message}");
        }
    }

    private static HostFact<IomemMap> ParseIomem(HostFact<string> text)
    {
        if (!text.IsKnown)
        {
            return HostFact<IomemMap>.Missing(text.MissingReason);
        }

        try
        {
            return HostFact<IomemMap>.Known(IomemParser.Parse(text.Value));
        }
        catch (FormatException ex)
        {
            return HostFact<IomemMap>.Missing($"{HostPaths.Iomem} does not parse: {ex.Message}");
        }
    }
}
