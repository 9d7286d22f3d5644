using System.Globalization;
using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Cli.Progress;

/// <summary>Progress as one line per event: readable in a CI log and greppable afterwards.</summary>
internal sealed class PlainRolloutProgress(TextWriter output) : IRolloutProgress
{
    private DateTimeOffset? _start;
    private string? _lastState;

    public void Update(RolloutStatus status, IReadOnlyList<RolloutEventRecord> newEvents)
    {
        foreach (var e in newEvents)
        {
            _start ??= e.At;
            var host = e.Host is null ? "" : $" {e.Host}";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{(e.At - _start.Value).TotalSeconds,7:0.0}s]{host} {e.Kind}: {e.Message}"));
        }

        var state = status.Rollout.State.ToString();
        if (state != _lastState)
        {
            _lastState = state;
            var counts = string.Join(", ", status.HostsByPhase.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}"));
            output.WriteLine($"rollout {status.Rollout.Id}: {state} ({counts})");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
