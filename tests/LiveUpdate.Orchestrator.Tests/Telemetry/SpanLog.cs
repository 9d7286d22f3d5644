using System.Diagnostics;
using LiveUpdate.Orchestrator.Telemetry;

namespace LiveUpdate.Orchestrator.Tests.Telemetry;

/// <summary>
/// Every start and end of an orchestrator span in one trace, in the order they happened. The trace's root span is
/// current from construction to disposal, so what the test runs in between opens its spans in it; spans of tests
/// running alongside are in other traces and not sampled.
/// </summary>
internal sealed class SpanLog : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<(bool Started, Activity Span)> _events = [];
    private readonly Activity _root = new("test");
    private readonly ActivityListener _listener;

    public SpanLog()
    {
        _root.Start();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrchestratorTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> o) =>
                o.Parent.TraceId == _root.TraceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStarted = span => Add(true, span),
            ActivityStopped = span => Add(false, span),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<(bool Started, Activity Span)> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>The spans started, by name prefix ("rollout", "wave", "host", "step").</summary>
    public IReadOnlyList<Activity> Started(string prefix) =>
        [.. Events.Where(e => e.Started && e.Span.OperationName.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Span)];

    /// <summary>Where in <see cref="Events"/> <paramref name="span"/> started or ended.</summary>
    public int IndexOf(Activity span, bool started) => Events.ToList().FindIndex(e => e.Started == started && ReferenceEquals(e.Span, span));

    public void Dispose()
    {
        _root.Stop();
        _listener.Dispose();
    }

    private void Add(bool started, Activity span)
    {
        if (span.TraceId != _root.TraceId)
        {
            return;
        }

        lock (_lock)
        {
            _events.Add((started, span));
        }
    }
}
