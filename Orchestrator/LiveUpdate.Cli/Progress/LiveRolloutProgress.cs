using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Reporting;
using LiveUpdate.Orchestrator.Store;
using Spectre.Console;

namespace LiveUpdate.Cli.Progress;

/// <summary>Progress on a terminal: a live table per wave and host — phase, last step, blackout — redrawn in place.</summary>
internal sealed class LiveRolloutProgress : IRolloutProgress
{
    private readonly Dictionary<string, string> _lastStep = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _display;
    private Table _table = new();
    private LiveDisplayContext? _context;

    public LiveRolloutProgress()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _display = AnsiConsole.Live(_table).AutoClear(false).StartAsync(async ctx =>
        {
            _context = ctx;
            ready.SetResult();
            await _done.Task.ConfigureAwait(false);
        });
        ready.Task.Wait();
    }

    public void Update(RolloutStatus status, IReadOnlyList<RolloutEventRecord> newEvents)
    {
        foreach (var e in newEvents.Where(e => e.Host is not null && e.Kind.StartsWith("agent-", StringComparison.Ordinal)))
        {
            _lastStep[e.Host!] = LiveUpdate.Orchestrator.Engine.AgentEventLog.Text(e.Message);
        }

        var table = new Table().Title($"[bold]{Markup.Escape(status.Rollout.Name)}[/] — {status.Rollout.State}, wave {status.Rollout.CurrentWave}")
            .AddColumns("Wave", "Host", "Domain", "Phase", "Last step", "Blackout");
        foreach (var h in status.Hosts.OrderBy(h => h.Wave).ThenBy(h => h.Position))
        {
            table.AddRow(
                h.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture),
                h.Host,
                h.FailureDomain,
                Colour(h.Phase),
                Markup.Escape(_lastStep.GetValueOrDefault(h.Host, "")),
                Blackout(h));
        }

        _table = table;
        _context?.UpdateTarget(table);
    }

    public async ValueTask DisposeAsync()
    {
        _done.TrySetResult();
        await _display.ConfigureAwait(false);
    }

    /// <summary>The measured blackout, or while the VMs are paused, the blackout so far.</summary>
    private static string Blackout(HostRecord h) => h.Blackout is { } measured
        ? ReportText.Duration(measured)
        : h.BlackoutStartedAt is { } began && h.Phase == HostPhase.Executing
            ? ReportText.Duration(TimeSpan.FromMilliseconds(Math.Max(0, (DateTimeOffset.UtcNow - began).TotalMilliseconds))) + "…"
            : "-";

    private static string Colour(HostPhase phase) => phase switch
    {
        HostPhase.Succeeded => "[green]succeeded[/]",
        HostPhase.RolledBack => "[yellow]rolled back[/]",
        HostPhase.NeedsAttention or HostPhase.Failed => $"[red]{phase}[/]",
        HostPhase.Executing or HostPhase.Starting => $"[blue]{phase}[/]",
        _ => phase.ToString(),
    };
}
