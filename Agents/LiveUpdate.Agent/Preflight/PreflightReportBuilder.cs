using System.Globalization;
using LiveUpdate.Host.Facts;
using LiveUpdate.Kernel.CommandLine;

namespace LiveUpdate.Agent.Preflight;

/// <summary>Turns the gathered facts and the verdicts into the report callers see.</summary>
internal static class PreflightReportBuilder
{
    public const string GenerationParameter = "liveupdate.generation";
    public const string BundleParameter = "liveupdate.bundle";

    public static PreflightReport Build(PreflightFacts facts, IReadOnlyList<PlaybookReadiness> playbooks)
    {
        HostFactsSnapshot host = facts.Host;
        KernelCommandLine? cmdline = host.CommandLine.IsKnown ? host.CommandLine.Value : null;
        return new PreflightReport
        {
            Root = host.Root.Path,
            HostName = host.Hostname.Value,
            KernelRelease = host.KernelRelease.Value,
            BootId = host.BootId.Value,
            CommandLine = host.CommandLineText.Value,
            Generation = cmdline is null ? null : GenerationOf(cmdline),
            BundleDigest = cmdline?.GetLast(BundleParameter),
            Cpus = host.Cpus.Value,
            CpuToOffline = host.Cpus.Value?.ChooseCpuToOffline(),
            Memory = host.Memory.Value,
            Pmem = facts.Pmem,
            PmemMounts = [.. facts.Mounts.Where(m => m.OnPmem)],
            Capabilities = facts.Capabilities,
            Lockdown = host.Lockdown.IsKnown ? host.Lockdown.Value.ToString().ToLowerInvariant() : null,
            KexecLoadDisabled = host.KexecLoadDisabled.IsKnown ? host.KexecLoadDisabled.Value : null,
            SaveTargets = [.. facts.SaveTargets.Values],
            LibvirtUri = facts.LibvirtUri,
            LibvirtError = facts.Vms.Error,
            Vms = [.. facts.Vms.Vms.OrderBy(v => v.Name, StringComparer.Ordinal)],
            UnknownFacts = facts.Unknown,
            Playbooks = playbooks,
        };
    }

    private static ulong? GenerationOf(KernelCommandLine cmdline) =>
        !cmdline.Has(GenerationParameter) ? 0
        : ulong.TryParse(cmdline.GetLast(GenerationParameter), NumberStyles.None, CultureInfo.InvariantCulture, out ulong g) ? g
        : null;
}
