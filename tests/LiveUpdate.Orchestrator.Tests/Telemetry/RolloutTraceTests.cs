using System.Diagnostics;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Tests.Engine;

namespace LiveUpdate.Orchestrator.Tests.Telemetry;

public sealed class RolloutTraceTests
{
    [Fact]
    public void RunAsync_CompletedRollout_StepsSitInTheirHostInItsWaveUnderTheRollout()
    {
        using var harness = new EngineHarness();
        using var spans = new SpanLog();

        Assert.Equal(RolloutState.Completed, harness.Run());

        var rollout = Assert.Single(spans.Started("rollout"));
        var waves = spans.Started("wave").ToDictionary(Wave);
        Assert.Equal(harness.Plan.Waves.Select(w => w.Index).Order(), waves.Keys.Order());
        Assert.All(waves.Values, w => Assert.Equal(rollout.SpanId, w.ParentSpanId));

        var hosts = spans.Started("host");
        var records = harness.Hosts().ToDictionary(h => h.Host);
        Assert.Equal(records.Keys.Order(), hosts.Select(Host).Order());
        Assert.All(hosts, h => Assert.Equal(waves[records[Host(h)].Wave].SpanId, h.ParentSpanId));

        var steps = spans.Started("step");
        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.Contains(hosts, h => h.SpanId == s.ParentSpanId));
    }

    [Fact]
    public void RunAsync_CompletedRollout_AWaveSpanEndsAfterItsLastHostAndBeforeTheNextWaveStarts()
    {
        using var harness = new EngineHarness();
        using var spans = new SpanLog();

        Assert.Equal(RolloutState.Completed, harness.Run());

        var waves = spans.Started("wave").OrderBy(Wave).ToList();
        var hosts = spans.Started("host");
        Assert.Equal(harness.Plan.Waves.Count, waves.Count);
        Assert.All(waves, w =>
        {
            var ended = spans.IndexOf(w, started: false);
            var ownHosts = hosts.Where(h => h.ParentSpanId == w.SpanId).ToList();
            Assert.NotEmpty(ownHosts);
            Assert.All(ownHosts, h => Assert.InRange(spans.IndexOf(h, started: false), 0, ended - 1));
        });
        Assert.All(waves.Zip(waves.Skip(1)), pair => Assert.True(
            spans.IndexOf(pair.First, started: false) < spans.IndexOf(pair.Second, started: true),
            $"wave {Wave(pair.Second)} started before wave {Wave(pair.First)} ended"));
    }

    [Fact]
    public void RunAsync_StoppedWhileAHostIsInFlight_EndsTheOpenWaveSpan()
    {
        using var harness = new EngineHarness();
        // Ten simulated seconds in, the canary (about half a minute of steps) is still updating.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10), harness.Clock);
        using var spans = new SpanLog();

        Assert.ThrowsAny<OperationCanceledException>(() => harness.Run(engine => engine.RunAsync(harness.RolloutId, harness.Spec, stop.Token)));

        var inFlight = harness.Hosts().Where(h => h.Phase.IsInFlight()).Select(h => h.Wave).Distinct().ToList();
        Assert.NotEmpty(inFlight);
        var waves = spans.Started("wave");
        Assert.Equal(inFlight.Order(), waves.Select(Wave).Where(inFlight.Contains).Order());
        Assert.All(waves, w => Assert.True(spans.IndexOf(w, started: false) >= 0, $"the span of wave {Wave(w)} was never ended"));
    }

    private static int Wave(Activity span) => (int)span.GetTagItem("liveupdate.wave")!;

    private static string Host(Activity span) => (string)span.GetTagItem("liveupdate.host")!;
}
