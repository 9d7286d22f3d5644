using LiveUpdate.Playbooks;
using System.Globalization;
using System.Text;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>The plan as plain text for a terminal or a change ticket: a header, one table per wave, exclusions, warnings.</summary>
public static class PlanTable
{
    private static readonly string[] Columns = ["HOST", "DOMAIN", "VMS", "VM MEMORY", "BLACKOUT", "DURATION"];

    public static string Format(RolloutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        var inputs = plan.Inputs;
        var limits = plan.Limits;
        Line(text, $"Rollout {plan.RolloutName}  plan {plan.ContentHash}");
        Line(text, $"Playbook {inputs.PlaybookName} ({inputs.Handover}) {inputs.PlaybookDigest}");
        Line(text, $"Bundle {inputs.TargetKernelRelease} {inputs.BundleDigest}");
        var seed = limits.Seed is { } s ? $" (seed {s})" : string.Empty;
        Line(text, $"Limits: {limits.MaxInCriticalSection} in critical section, {limits.MaxPerFailureDomain} per failure domain, failure budget {limits.FailureBudget}, settle {PlaybookDuration.Format(limits.Settle)}, order {limits.Order}{seed}");
        Line(text, $"{plan.Waves.Sum(w => w.Hosts.Count)} host(s) in {plan.Waves.Count} wave(s), {plan.Excluded.Count} excluded, predicted {PlaybookDuration.Format(plan.PredictedMakespan)}");

        foreach (var wave in plan.Waves)
        {
            text.AppendLine();
            Line(text, $"Wave {wave.Index}: {wave.Hosts.Count} host(s), predicted {PlaybookDuration.Format(wave.PredictedMakespan)}");
            var rows = wave.Hosts.Select(h => new[]
            {
                h.Name, h.FailureDomain, h.Facts.VmCount.ToString(CultureInfo.InvariantCulture), Gib(h.Facts.VmMemoryBytes),
                PlaybookDuration.Format(h.PredictedBlackout), PlaybookDuration.Format(h.PredictedDuration),
            }).ToList();
            AppendTable(text, rows);
        }

        if (plan.Excluded.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Excluded:");
            foreach (var host in plan.Excluded)
            {
                Line(text, $"  {host.Name} ({host.FailureDomain}): {string.Join("; ", host.Reasons)}");
            }
        }

        if (plan.Warnings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Warnings:");
            foreach (var warning in plan.Warnings)
            {
                Line(text, $"  {warning}");
            }
        }

        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = Columns.Select((c, i) => Math.Max(c.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        AppendRow(text, Columns, widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append("  ");
        for (var i = 0; i < cells.Length; i++)
        {
            // Numbers read best right-aligned; names left-aligned.
            var cell = i < 2 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]);
            text.Append(cell).Append(i == cells.Length - 1 ? string.Empty : "  ");
        }

        text.AppendLine();
    }

    private static string Gib(long bytes) =>
        (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";

    private static void Line(StringBuilder text, FormattableString line) =>
        text.AppendLine(FormattableString.Invariant(line));
}
