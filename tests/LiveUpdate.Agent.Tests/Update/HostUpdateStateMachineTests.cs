using LiveUpdate.Agent.Update;
using LiveUpdate.Testing;
using Stateless;
using S = LiveUpdate.Agent.Update.HostUpdateState;
using T = LiveUpdate.Agent.Update.HostUpdateTrigger;

namespace LiveUpdate.Agent.Tests.Update;

public sealed class HostUpdateStateMachineTests
{
    [Fact]
    [Trait("Category", "generated")]
    public void ToMermaid_CheckedInDiagram_IsUpToDate()
    {
        GeneratedFile.AssertUpToDate(
            "docs/state-machines/host-update.md",
            MermaidDocument.Wrap("Host update state machine (agent)", "Agents/LiveUpdate.Agent/Update/HostUpdateStateMachine.cs", HostUpdateStateMachine.ToMermaid()));
    }

    [Fact]
    public void Fire_HappyPath_EndsCompleted()
    {
        var (sm, read) = Build(S.Idle);

        foreach (var t in new[] { T.Prepare, T.PrepareSucceeded, T.Execute, T.PointOfNoReturnReached, T.NewKernelDetected, T.RecoverySucceeded })
        {
            sm.Fire(t);
        }

        Assert.Equal(S.Completed, read());
    }

    [Theory]
    [InlineData(T.StepFailed)]
    [InlineData(T.Abort)]
    [InlineData(T.AgentRestarted)]
    public void Fire_FailureBeforePointOfNoReturn_Compensates(T trigger)
    {
        var (sm, read) = Build(S.Executing);

        sm.Fire(trigger);

        Assert.Equal(S.Compensating, read());
    }

    [Fact]
    public void Fire_AbortAfterPointOfNoReturn_IsRefused()
    {
        var (sm, read) = Build(S.HandingOver);

        Assert.False(sm.CanFire(T.Abort));
        Assert.Throws<InvalidOperationException>(() => sm.Fire(T.Abort));
        Assert.Equal(S.HandingOver, read());
    }

    [Theory]
    [InlineData(T.NewKernelDetected, S.Recovering)]
    [InlineData(T.OldKernelDetected, S.Compensating)]
    [InlineData(T.HandoverReturned, S.Compensating)]
    [InlineData(T.KernelUnknown, S.NeedsAttention)]
    public void Fire_KernelVerdictDuringHandover_GoesWhereTheKernelSays(T verdict, S expected)
    {
        var (sm, read) = Build(S.HandingOver);

        sm.Fire(verdict);

        Assert.Equal(expected, read());
    }

    [Fact]
    public void Table_FromPastPointOfNoReturn_NoPathReachesRolledBack()
    {
        // After the new kernel is detected nothing may undo the switch: the only ends are
        // Completed or NeedsAttention (and, after those, a new update).
        var reachable = Reachable(S.Recovering, stopAt: [S.Completed, S.NeedsAttention]);

        Assert.DoesNotContain(S.RolledBack, reachable);
        Assert.DoesNotContain(S.Compensating, reachable);
    }

    [Fact]
    public void Table_EveryInFlightState_HasAWayToAnEndState()
    {
        foreach (var state in Enum.GetValues<S>().Where(HostUpdateStateMachine.IsInFlight))
        {
            var reachable = Reachable(state, stopAt: []);
            Assert.True(
                reachable.Contains(S.Completed) || reachable.Contains(S.RolledBack) || reachable.Contains(S.NeedsAttention),
                $"{state} cannot reach an end state");
        }
    }

    private static HashSet<S> Reachable(S from, S[] stopAt)
    {
        var seen = new HashSet<S> { from };
        var queue = new Queue<S>([from]);
        while (queue.TryDequeue(out var state))
        {
            if (stopAt.Contains(state))
            {
                continue;
            }

            foreach (var trigger in Enum.GetValues<T>())
            {
                var (sm, read) = Build(state);
                if (!sm.CanFire(trigger))
                {
                    continue;
                }

                sm.Fire(trigger);
                if (seen.Add(read()))
                {
                    queue.Enqueue(read());
                }
            }
        }

        return seen;
    }

    private static (StateMachine<S, T> Machine, Func<S> Read) Build(S initial)
    {
        var state = initial;
        return (HostUpdateStateMachine.Create(() => state, s => state = s), () => state);
    }
}
