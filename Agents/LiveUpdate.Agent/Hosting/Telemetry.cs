using System.Diagnostics;
using System.Diagnostics.Metrics;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Steps;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// The agent's ActivitySource and Meter, both named "LiveUpdate.Agent", and the instruments on it. An executed update
/// runs under an "update &lt;id&gt;" span in the caller's trace, each step under a "step &lt;id&gt;" span in it.
/// </summary>
internal static class Telemetry
{
    public const string Name = "LiveUpdate.Agent";

    /// <summary>
    /// The UpdateStarted data key holding the trace id of the Prepare call. Recovery in the new kernel has no caller:
    /// its step spans have no parent, and carry this id as <see cref="PreparedTraceTag"/> to lead back to the rollout's trace.
    /// </summary>
    public const string PreparedTraceKey = "preparedTraceId";

    public const string PreparedTraceTag = "liveupdate.update.prepared_trace_id";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Callers refused in the TLS handshake: no RPC (and no step) ran for any of them.</summary>
    public static readonly Counter<long> RefusedClients = Meter.CreateCounter<long>("liveupdate.agent.tls.refused", description: "Clients refused in the mTLS handshake");

    public static readonly Counter<long> UpdatesEnded = Meter.CreateCounter<long>("liveupdate.agent.updates.ended", description: "Updates that reached an end state, by state");

    /// <summary>The plan's journal data, with the trace id of the Prepare request's span when there is one.</summary>
    public static IReadOnlyDictionary<string, string> WithPreparedTrace(IReadOnlyDictionary<string, string> plan) =>
        Activity.Current is { } caller ? new Dictionary<string, string>(plan) { [PreparedTraceKey] = caller.TraceId.ToHexString() } : plan;

    /// <summary>The span of a whole update run; it runs on after the Execute call returns, so its parent is passed in.</summary>
    public static Activity? StartUpdate(string updateId, ActivityContext caller) => ActivitySource.HasListeners()
        ? ActivitySource.StartActivity("update " + updateId, ActivityKind.Internal, caller)?.SetTag("liveupdate.update.id", updateId)
        : null;

    /// <summary>
    /// The span of a recovery at start-up (after a kernel switch or a crash): there is no caller, so it starts a trace
    /// of its own, tagged with the trace of the Prepare call that began the update.
    /// </summary>
    public static Activity? StartRecovery(UpdateHistory history) => ActivitySource.HasListeners()
        ? ActivitySource.StartActivity("recover " + history.UpdateId, ActivityKind.Internal, default(ActivityContext))
            ?.SetTag("liveupdate.update.id", history.UpdateId)
            .SetTag(PreparedTraceTag, history.Plan.GetValueOrDefault(PreparedTraceKey))
        : null;

    /// <summary>The span of one step or compensation, under the current span (the update's, or none in recovery).</summary>
    public static Activity? StartStep(string updateId, StepSpec step, UpdateHistory history)
    {
        var span = ActivitySource.HasListeners() ? ActivitySource.StartActivity("step " + step.Id) : null;
        if (span is null)
        {
            return null;
        }

        span.SetTag("liveupdate.step.kind", step.Kind).SetTag("liveupdate.update.id", updateId);
        if (history.Plan.GetValueOrDefault(PreparedTraceKey) is { } prepared && prepared != span.TraceId.ToHexString())
        {
            span.SetTag(PreparedTraceTag, prepared);
        }

        return span;
    }
}
