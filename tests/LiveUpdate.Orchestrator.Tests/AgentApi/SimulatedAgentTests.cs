using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.AgentApi.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace LiveUpdate.Orchestrator.Tests.AgentApi;

public sealed class SimulatedAgentTests
{
    private static readonly SimulatedStep[] Steps =
    [
        new("load", "load-kernel", TimeSpan.FromSeconds(3), false, false),
        new("suspend", "suspend-vms", TimeSpan.FromSeconds(1), true, false),
        new("handover", "handover", TimeSpan.FromSeconds(8), true, true),
        new("resume", "resume-vms", TimeSpan.FromSeconds(1), true, false),
    ];

    private static SimulatedAgent Agent(FakeTimeProvider time, SimulatedFailure failure = SimulatedFailure.None) => new(
        new SimulatedHost("hv-1", "rack-1", "6.1.0-40", "sha256:old", 2, 8L << 30, Steps, new Dictionary<string, string> { ["sha256:new"] = "6.1.0-50" }, failure)
        {
            StageTime = TimeSpan.Zero,
            CallTime = TimeSpan.Zero,
        },
        time);

    /// <summary>In 100ms ticks, so a timer set by a firing timer fires at its own due time, as on a real clock.</summary>
    private static void Advance(FakeTimeProvider time, TimeSpan total)
    {
        for (var left = total; left > TimeSpan.Zero; left -= TimeSpan.FromMilliseconds(100))
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    private static async Task PrepareAsync(SimulatedAgent agent)
    {
        await agent.StageBundleAsync("/unused", "sha256:new", CancellationToken.None);
        Assert.True((await agent.PrepareAsync(new AgentPrepareRequest("u1", "sha256:new", "", ""), CancellationToken.None)).Accepted);
    }

    [Fact]
    public async Task ExecuteAsync_TimeAdvancedPastEveryStep_CompletesOnNewKernel()
    {
        var time = new FakeTimeProvider();
        var agent = Agent(time);
        await PrepareAsync(agent);

        var seen = new List<AgentEvent>();
        await foreach (var e in agent.ExecuteAsync("u1", CancellationToken.None))
        {
            seen.Add(e);
            if (seen.Count == 1)
            {
                // Every step timer fires inside these calls; the stream then reads the journal the update left.
                Advance(time, TimeSpan.FromMinutes(1));
            }
        }

        Assert.Equal(AgentEndState.Completed, seen[^1].EndState);
        Assert.Equal("6.1.0-50", agent.KernelRelease);
        Assert.Equal(TimeSpan.FromSeconds(13), seen[^1].At - seen.First(e => e.Type == "StepStarted").At);
    }

    [Fact]
    public async Task AbortAsync_BeforeAndAfterPointOfNoReturn_HonouredOnlyBefore()
    {
        var time = new FakeTimeProvider();
        var early = Agent(time);
        var late = Agent(time);
        await PrepareAsync(early);
        await PrepareAsync(late);
        await using var a = early.ExecuteAsync("u1", CancellationToken.None).GetAsyncEnumerator();
        await using var b = late.ExecuteAsync("u1", CancellationToken.None).GetAsyncEnumerator();
        await a.MoveNextAsync();
        await b.MoveNextAsync();

        var honoured = await early.AbortAsync("u1", "test", CancellationToken.None);
        Advance(time, TimeSpan.FromSeconds(5));
        var refused = await late.AbortAsync("u1", "test", CancellationToken.None);
        Advance(time, TimeSpan.FromSeconds(30));

        Assert.True(honoured.Accepted);
        Assert.False(refused.Accepted);
        Assert.Equal("RolledBack", early.State);
        Assert.Equal("Completed", late.State);
    }

    [Fact]
    public async Task WatchAsync_AfterSequence_ReplaysOnlyLaterEvents()
    {
        var time = new FakeTimeProvider();
        var agent = Agent(time);
        await PrepareAsync(agent);
        await using (var run = agent.ExecuteAsync("u1", CancellationToken.None).GetAsyncEnumerator())
        {
            await run.MoveNextAsync();
        }

        Advance(time, TimeSpan.FromMinutes(1));
        Assert.Equal("Completed", agent.State);
        var replay = new List<AgentEvent>();
        await foreach (var e in agent.WatchAsync("u1", 5, CancellationToken.None))
        {
            replay.Add(e);
        }

        Assert.Equal(6, replay[0].Sequence);
        Assert.Equal(agent.Journal.Count, replay[^1].Sequence);
        Assert.Equal(AgentEndState.Completed, replay[^1].EndState);
    }

    [Fact]
    public async Task WatchAsync_DuringHandoverWithDropFailure_ThrowsUnavailable()
    {
        var time = new FakeTimeProvider();
        var agent = Agent(time, SimulatedFailure.DropStreamInBlackout);
        await PrepareAsync(agent);
        await using (var run = agent.ExecuteAsync("u1", CancellationToken.None).GetAsyncEnumerator())
        {
            await run.MoveNextAsync();
        }

        Advance(time, TimeSpan.FromSeconds(5));

        Assert.Equal("HandingOver", agent.State);
        await Assert.ThrowsAsync<AgentUnavailableException>(() => agent.StatusAsync(CancellationToken.None));
        Advance(time, TimeSpan.FromSeconds(10));
        Assert.Equal("Completed", (await agent.StatusAsync(CancellationToken.None)).State);
    }
}
