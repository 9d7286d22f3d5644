using System.Text.RegularExpressions;
using LiveUpdate.Host.Facts;
using LiveUpdate.Kernel.Layout;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Preflight;

/// <summary>
/// Plans the next kernel's memory layout from the running one, as load-kernel will, with a template that only
/// inherits and a placeholder digest: what fails here fails for every bundle.
/// </summary>
internal static partial class LayoutChecks
{
    public const string InheritTemplate = "${inherit}";

    /// <summary>Stands in for a bundle digest, which preflight does not have; any well-formed digest plans the same layout.</summary>
    public static readonly string PlaceholderDigest = new('0', 64);

    private static readonly LayoutErrorCode[] PmemCodes =
        [LayoutErrorCode.PmemMissing, LayoutErrorCode.PmemNotInIomem, LayoutErrorCode.PmemIsSystemRam, LayoutErrorCode.PmemTooSmall];

    /// <param name="requiredPmemBytes">The VMs' state for PMEM playbooks; 0 when not known or not needed.</param>
    public static void Check(Playbook playbook, HostFactsSnapshot host, ulong requiredPmemBytes, PreflightFindings findings)
    {
        if (!host.CommandLine.IsKnown)
        {
            findings.Block(PreflightCodes.CommandLineUnreadable, $"the running kernel's command line could not be read: {host.CommandLine.MissingReason}",
                "run preflight as root on the host itself (or with --root at a complete host tree)");
        }

        if (!host.Iomem.IsKnown)
        {
            findings.Block(PreflightCodes.IomemUnreadable, $"the physical memory map could not be read: {host.Iomem.MissingReason}",
                "run preflight as root on the host itself (or with --root at a complete host tree)");
        }

        if (!host.CommandLine.IsKnown || !host.Iomem.IsKnown)
        {
            return;
        }

        bool needsPmem = PreservationRules.NeedsPmem(playbook.Preservation);
        var request = new LayoutRequest(host.CommandLine.Value, host.Iomem.Value, InheritTemplate, PlaceholderDigest,
            playbook.Handover == HandoverDriverKind.Multikernel, needsPmem ? requiredPmemBytes : 0);
        foreach (LayoutError error in LayoutPlanner.Plan(request).Errors)
        {
            // A disk-save playbook keeps nothing in PMEM, so the absence (or size) of PMEM does not matter to it.
            if (needsPmem || !PmemCodes.Contains(error.Code))
            {
                findings.Block(CodeOf(error.Code), error.Message, error.Fix);
            }
        }
    }

    /// <summary>The planner's code in kebab case: <c>PmemMissing</c> becomes <c>pmem-missing</c>.</summary>
    public static string CodeOf(LayoutErrorCode code) => WordStart().Replace(code.ToString(), "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();
}
