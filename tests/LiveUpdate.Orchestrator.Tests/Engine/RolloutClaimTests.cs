using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Tests.Engine;

/// <summary>One orchestrator runs a rollout at a time, however many share its store.</summary>
public sealed class RolloutClaimTests
{
    [Fact]
    public void RunAsync_AnotherOrchestratorHoldsTheRollout_RefusedAndNoHostTouched()
    {
        using var harness = new EngineHarness();
        var now = harness.Clock.GetUtcNow();
        harness.Read(s => s.Claim(harness.RolloutId, "orchestrator-elsewhere", now, now.AddMinutes(5)));

        var refused = Assert.Throws<RolloutClaimedException>(() => harness.Run());

        Assert.Equal("orchestrator-elsewhere", refused.Holder);
        Assert.All(harness.Hosts(), h => Assert.Equal(HostPhase.Pending, h.Phase));
        Assert.Equal(0, harness.AgentsIn("Executing") + harness.AgentsIn("Completed"));
    }

    [Fact]
    public void RunAsync_OtherOrchestratorsClaimLapsed_TakesTheRolloutOverAndReleasesItAtTheEnd()
    {
        using var harness = new EngineHarness();
        var now = harness.Clock.GetUtcNow();
        harness.Read(s => s.Claim(harness.RolloutId, "orchestrator-that-died", now.AddMinutes(-2), now.AddMinutes(-1)));

        Assert.Equal(RolloutState.Completed, harness.Run());

        var later = harness.Clock.GetUtcNow();
        Assert.True(harness.Read(s => s.Claim(harness.RolloutId, "orchestrator-next", later, later.AddMinutes(1))).Granted);
    }

    [Fact]
    public void RunAsync_Running_RenewsItsClaimSoNobodyTakesTheRolloutMidway()
    {
        using var harness = new EngineHarness();
        var start = harness.Clock.GetUtcNow();
        string? holderMidway = null;

        // Well past the first claim's duration, the engine still holds the rollout: it renewed at its decisions.
        harness.RunUntil(() =>
        {
            if (harness.Clock.GetUtcNow() < start + (3 * EngineHarness.Options.ClaimDuration))
            {
                return false;
            }

            var at = harness.Clock.GetUtcNow();
            var claim = harness.Read(s => s.Claim(harness.RolloutId, "orchestrator-elsewhere", at, at.AddMinutes(1)));
            holderMidway = claim.Granted ? "orchestrator-elsewhere" : claim.Holder;
            return true;
        });

        Assert.Equal(EngineHarness.Options.Owner, holderMidway);
    }
}
