using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace LiveUpdate.Orchestrator.Telemetry;

/// <summary>
/// The orchestrator's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>. Spans nest rollout → wave → host → step; step spans are built from the agent's own event
/// times, so they show what happened on the host rather than when the orchestrator heard of it.
/// </summary>
public sealed class OrchestratorTelemetry : IDisposable
{
    public const string Name = "LiveUpdate.Orchestrator";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private readonly Histogram<double> _blackout;
    private readonly Histogram<double> _stepDuration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _rollbacks;
    private Func<IEnumerable<KeyValuePair<string, int>>> _hostsByState = () => [];

    public OrchestratorTelemetry(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(Name) ?? new Meter(Name);
        _blackout = _meter.CreateHistogram<double>("liveupdate.vm.blackout", "s", "Time a host's VMs were paused, from first suspend to last resume");
        _stepDuration = _meter.CreateHistogram<double>("liveupdate.step.duration", "s", "Duration of one playbook step on one host");
        _retries = _meter.CreateCounter<long>("liveupdate.agent.retries", "{retry}", "Agent calls retried by the resilience pipeline");
        _rollbacks = _meter.CreateCounter<long>("liveupdate.host.rollbacks", "{host}", "Hosts whose update was rolled back");
        _meter.CreateObservableGauge("liveupdate.hosts", ObserveHosts, "{host}", "Hosts of the running rollout, by state");
    }

    /// <summary>Where the hosts-per-state gauge reads from; the engine points it at its latest snapshot.</summary>
    public void ObserveHostStates(Func<IEnumerable<KeyValuePair<string, int>>> source) => _hostsByState = source;

    public void RecordBlackout(string host, TimeSpan blackout) =>
        _blackout.Record(blackout.TotalSeconds, new KeyValuePair<string, object?>("host", host));

    public void RecordStep(string stepKind, TimeSpan duration, bool succeeded) => _stepDuration.Record(
        duration.TotalSeconds, new KeyValuePair<string, object?>("step", stepKind), new KeyValuePair<string, object?>("succeeded", succeeded));

    public void RecordRetry(string host) => _retries.Add(1, new KeyValuePair<string, object?>("host", host));

    public void RecordRollback(string host) => _rollbacks.Add(1, new KeyValuePair<string, object?>("host", host));

    public static Activity? StartRollout(string rolloutId, string name) =>
        Source.StartActivity("rollout")?.SetTag("liveupdate.rollout.id", rolloutId).SetTag("liveupdate.rollout.name", name);

    /// <summary>
    /// A wave's span. It lives across many turns of the engine (it ends with the wave's last host, see <see cref="EndWave"/>),
    /// so it never becomes <see cref="Activity.Current"/>: the engine's own work stays in the rollout span.
    /// </summary>
    public static Activity? StartWave(ActivityContext rollout, int wave)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var current = Activity.Current;
        var activity = Source.StartActivity("wave " + wave.ToString(CultureInfo.InvariantCulture), ActivityKind.Internal, rollout)?.SetTag("liveupdate.wave", wave);
        Activity.Current = current;
        return activity;
    }

    /// <summary>Ends a span of <see cref="StartWave"/>, leaving the caller's <see cref="Activity.Current"/> as it was.</summary>
    public static void EndWave(Activity wave)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var current = Activity.Current;
        wave.Stop();
        Activity.Current = current;
    }

    public static Activity? StartHost(ActivityContext parent, string host, string updateId) =>
        Source.StartActivity("host", ActivityKind.Internal, parent)?.SetTag("liveupdate.host", host).SetTag("liveupdate.update.id", updateId);

    /// <summary>A finished step as a span, timed by the agent's clock.</summary>
    public static void RecordStepSpan(ActivityContext host, string stepId, DateTimeOffset start, DateTimeOffset end, bool succeeded)
    {
        using var activity = Source.StartActivity("step " + stepId, ActivityKind.Internal, host, startTime: start);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("liveupdate.step", stepId);
        activity.SetStatus(succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        activity.SetEndTime(end.UtcDateTime);
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveHosts() =>
        _hostsByState().Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("state", p.Key)));
}
