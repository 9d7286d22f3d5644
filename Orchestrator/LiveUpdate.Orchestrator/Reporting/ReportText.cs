using System.Globalization;
using System.Text;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Orchestrator.Reporting;

/// <summary>The report as plain text: a per-host table, then the blackout percentiles.</summary>
public static class ReportText
{
    public static string Format(RolloutReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Rollout {report.Name} ({report.RolloutId}): {report.State}\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"HOST",-8} {"DOMAIN",-8} {"WAVE",4}  {"KERNEL",-36} {"BLACKOUT",9}  {"OUTCOME",-15} STEPS\n");
        foreach (var host in report.Hosts.OrderBy(h => h.Wave).ThenBy(h => h.Name, StringComparer.Ordinal))
        {
            var kernel = host.NewKernel is null || host.NewKernel == host.OldKernel ? host.OldKernel : $"{host.OldKernel} -> {host.NewKernel}";
            var steps = string.Join(" ", host.Steps.Select(s => $"{s.Id}={Duration(s.Duration)}{(s.Succeeded ? "" : "!")}"));
            text.Append(CultureInfo.InvariantCulture, $"  {host.Name,-8} {host.FailureDomain,-8} {host.Wave,4}  {kernel,-36} {Duration(host.Blackout),9}  {host.Outcome,-15} {steps}\n");
            if (host.Reason is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"           reason: {host.Reason}\n");
            }
        }

        var p = report.Percentiles;
        text.Append(CultureInfo.InvariantCulture, $"VM blackout over {p.Count} host(s): p50 {Duration(p.P50)}  p90 {Duration(p.P90)}  p99 {Duration(p.P99)}  max {Duration(p.Max)}\n");
        return text.ToString();
    }

    public static string Duration(TimeSpan? value) => value is null ? "-" : PlaybookDuration.Format(value.Value);
}
