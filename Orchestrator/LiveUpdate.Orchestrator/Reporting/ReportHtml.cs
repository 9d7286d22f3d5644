using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace LiveUpdate.Orchestrator.Reporting;

/// <summary>
/// The report as one self-contained HTML page (no external files or network): the per-host table as
/// HTML, and two charts drawn in the browser from the embedded data — a per-wave timeline of hosts with
/// their blackouts, and the VM blackout distribution. When the charts are drawn the page marks
/// <c>body[data-rendered="charts"]</c>, which is how a test knows a real browser rendered it.
/// </summary>
public static class ReportHtml
{
    public static string Render(RolloutReport report)
    {
        var data = JsonSerializer.Serialize(report, ReportJsonContext.Default.RolloutReport).Replace("</", "<\\/", StringComparison.Ordinal);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>LiveUpdate rollout {{E(report.Name)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; font-size: 0.9em; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.8em; text-align: left; }
            .succeeded { color: #1a7f37; } .rolled-back { color: #9a6700; } .failed, .needs-attention { color: #cf222e; }
            svg { border: 1px solid #ddd; margin: 0.5em 0 1.5em; }
            </style></head>
            <body data-rendered="no">
            <h1>Rollout {{E(report.Name)}}</h1>
            <p>{{E(report.RolloutId)}} &middot; state <b>{{E(report.State)}}</b> &middot; {{report.Hosts.Count}} hosts &middot;
            VM blackout p50 {{E(ReportText.Duration(report.Percentiles.P50))}}, p99 {{E(ReportText.Duration(report.Percentiles.P99))}}, max {{E(ReportText.Duration(report.Percentiles.Max))}}</p>
            <h2>Timeline by wave</h2><svg id="timeline" width="960" height="40"></svg>
            <h2>VM blackout distribution</h2><svg id="blackouts" width="960" height="220"></svg>
            <h2>Hosts</h2>
            <table><thead><tr><th>Host</th><th>Domain</th><th>Wave</th><th>Kernel</th><th>Blackout</th><th>Outcome</th><th>Steps</th></tr></thead><tbody>

            """);
        foreach (var h in report.Hosts.OrderBy(h => h.Wave).ThenBy(h => h.Name, StringComparer.Ordinal))
        {
            var kernel = h.NewKernel is null || h.NewKernel == h.OldKernel ? h.OldKernel : $"{h.OldKernel} → {h.NewKernel}";
            var steps = string.Join(", ", h.Steps.Select(s => $"{s.Id} {ReportText.Duration(s.Duration)}{(s.Succeeded ? "" : " (failed)")}"));
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(h.Name)}</td><td>{E(h.FailureDomain)}</td><td>{h.Wave}</td><td>{E(kernel)}</td><td>{E(ReportText.Duration(h.Blackout))}</td><td class=\"{E(h.Outcome)}\">{E(h.Outcome)}{(h.Reason is null ? "" : ": " + E(h.Reason))}</td><td>{E(steps)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n<script type=\"application/json\" id=\"report-data\">").Append(data).Append("</script>\n");
        html.Append(Script);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Script = """
        <script>
        (function () {
          const report = JSON.parse(document.getElementById('report-data').textContent);
          const ns = 'http://www.w3.org/2000/svg';
          const el = (name, attrs, text) => { const e = document.createElementNS(ns, name); for (const k in attrs) e.setAttribute(k, attrs[k]); if (text) e.textContent = text; return e; };
          const ms = t => { if (t === null || t === undefined) return null; const m = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(t); if (!m) return null; return ((+(m[2]||0))*86400 + (+m[3])*3600 + (+m[4])*60 + (+m[5]))*1000 + (m[6] ? +(m[6] + '000').slice(0,3) : 0); };
          const colors = { 'succeeded': '#2da44e', 'rolled-back': '#bf8700', 'failed': '#cf222e', 'needs-attention': '#cf222e' };

          const hosts = report.hosts.filter(h => h.started).sort((a, b) => a.wave - b.wave || Date.parse(a.started) - Date.parse(b.started));
          const t0 = Math.min(...hosts.map(h => Date.parse(h.started)));
          const t1 = Math.max(...hosts.map(h => Date.parse(h.finished || h.started)));
          const tl = document.getElementById('timeline');
          const row = 18, left = 150, width = 960 - left - 20, span = Math.max(1, t1 - t0);
          tl.setAttribute('height', String(hosts.length * row + 30));
          hosts.forEach((h, i) => {
            const y = 10 + i * row, x0 = left + (Date.parse(h.started) - t0) / span * width, x1 = left + (Date.parse(h.finished || h.started) - t0) / span * width;
            tl.appendChild(el('text', { x: 4, y: y + 12, 'font-size': 11 }, `w${h.wave} ${h.name}`));
            tl.appendChild(el('rect', { x: x0, y: y, width: Math.max(2, x1 - x0), height: row - 4, fill: colors[h.outcome] || '#8c959f', class: 'host-bar' }));
            const suspend = h.steps.find(s => s.kind === 'suspend-vms');
            const b = ms(h.blackout);
            if (suspend && b !== null) {
              const bx = left + (Date.parse(suspend.started) - t0) / span * width;
              tl.appendChild(el('rect', { x: bx, y: y + 3, width: Math.max(2, b / span * width), height: row - 10, fill: '#24292f', class: 'blackout-bar' }));
            }
          });

          const values = report.hosts.map(h => ms(h.blackout)).filter(v => v !== null);
          const bo = document.getElementById('blackouts');
          if (values.length > 0) {
            const max = Math.max(...values), bins = 20, counts = new Array(bins).fill(0);
            values.forEach(v => counts[Math.min(bins - 1, Math.floor(v / Math.max(1, max) * bins))]++);
            const top = Math.max(...counts), bw = (960 - 60) / bins;
            counts.forEach((c, i) => bo.appendChild(el('rect', { x: 40 + i * bw, y: 190 - c / top * 170, width: bw - 2, height: c / top * 170, fill: '#0969da', class: 'histogram-bar' })));
            bo.appendChild(el('text', { x: 40, y: 210, 'font-size': 11 }, '0 ms'));
            bo.appendChild(el('text', { x: 860, y: 210, 'font-size': 11 }, `${max} ms`));
          }
          document.body.dataset.rendered = 'charts';
        })();
        </script>

        """;
}
