using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Tests.Engine.Gates;

public sealed class GateEvaluatorTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private Task<GateResult> Evaluate(GateSpec gate, string? host = "hv-7", IReadOnlyList<HostRecord>? hosts = null) =>
        new GateEvaluator(_http, TimeProvider.System).EvaluateAsync(gate, new GateContext("r1", 1, host, hosts ?? []), CancellationToken.None);

    [Fact]
    public async Task EvaluateAsync_CommandExitsZeroWithHostName_Passes()
    {
        var result = await Evaluate(new CommandGate("test {host} = hv-7", TimeSpan.FromSeconds(10)));

        Assert.True(result.Passed, result.Detail);
    }

    [Fact]
    public async Task EvaluateAsync_CommandExitsNonZero_FailsWithItsOutput()
    {
        var result = await Evaluate(new CommandGate("echo backend down >&2; exit 3", TimeSpan.FromSeconds(10)));

        Assert.False(result.Passed);
        Assert.Contains("exited 3: backend down", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_BlackoutP99OverBudget_Fails()
    {
        var hosts = Enumerable.Range(0, 10)
            .Select(i => DeciderFixtures.Host($"h{i}", "d") with { Phase = HostPhase.Succeeded, Blackout = TimeSpan.FromSeconds(i == 9 ? 12 : 3) })
            .ToList();

        var wave = await Evaluate(new BlackoutGate(TimeSpan.FromSeconds(10)), host: null, hosts);
        var oneHost = await Evaluate(new BlackoutGate(TimeSpan.FromSeconds(10)), host: "h1", hosts);

        Assert.False(wave.Passed);
        Assert.True(oneHost.Passed, oneHost.Detail);
    }
}
