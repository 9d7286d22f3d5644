using System.Diagnostics;
using AgentTelemetry = LiveUpdate.Agent.Hosting.Telemetry;

namespace LiveUpdate.Agent.Tests.Telemetry;

/// <summary>Every agent span that ended while this listener was attached, and a signal for the end of a given one.</summary>
internal sealed class AgentSpans : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<Activity> _ended = [];
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Ended)> _waiting = [];
    private readonly ActivityListener _listener;

    public AgentSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgentTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The ended spans of one trace (other tests' spans run alongside in theirs).</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId trace)
    {
        lock (_lock)
        {
            return [.. _ended.Where(s => s.TraceId == trace)];
        }
    }

    /// <summary>The ended spans carrying <paramref name="tag"/> with <paramref name="value"/>.</summary>
    public IReadOnlyList<Activity> Tagged(string tag, string value)
    {
        lock (_lock)
        {
            return [.. _ended.Where(s => s.GetTagItem(tag) as string == value)];
        }
    }

    /// <summary>Completes when a span matching <paramref name="match"/> has ended (at once if one already has).</summary>
    public Task<Activity> EndOf(Func<Activity, bool> match)
    {
        lock (_lock)
        {
            if (_ended.FirstOrDefault(match) is { } ended)
            {
                return Task.FromResult(ended);
            }

            var waiting = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((match, waiting));
            return waiting.Task;
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Activity span)
    {
        lock (_lock)
        {
            _ended.Add(span);
            foreach (var waiting in _waiting.Where(w => w.Match(span)))
            {
                waiting.Ended.TrySetResult(span);
            }
        }
    }
}
