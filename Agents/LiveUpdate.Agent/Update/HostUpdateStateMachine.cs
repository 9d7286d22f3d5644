using Stateless;
using Stateless.Graph;
using S = LiveUpdate.Agent.Update.HostUpdateState;
using T = LiveUpdate.Agent.Update.HostUpdateTrigger;

namespace LiveUpdate.Agent.Update;

/// <summary>
/// The host update transition table: the whole life of one update on one host, in one place.
/// Actions live in the step runner; this file only says which move is legal. Before the point of no
/// return every failure leads to compensation; after it the only ways out are finishing in the new
/// kernel or <see cref="HostUpdateState.NeedsAttention"/>.
/// </summary>
public static class HostUpdateStateMachine
{
    /// <summary>Builds the machine over externally stored state (the journal is the store).</summary>
    public static StateMachine<S, T> Create(Func<S> read, Action<S> write)
    {
        var sm = new StateMachine<S, T>(read, write, FiringMode.Immediate);

        sm.Configure(S.Idle)
            .Permit(T.Prepare, S.Preparing);

        sm.Configure(S.Preparing)
            .Permit(T.PrepareSucceeded, S.Prepared)
            .Permit(T.PrepareFailed, S.Idle)
            .Permit(T.Abort, S.Idle)
            .Permit(T.AgentRestarted, S.Idle);

        sm.Configure(S.Prepared)
            .Permit(T.Execute, S.Executing)
            .Permit(T.Abort, S.Idle)
            .PermitReentry(T.Prepare)
            .Ignore(T.AgentRestarted);

        sm.Configure(S.Executing)
            .Permit(T.StepFailed, S.Compensating)
            .Permit(T.Abort, S.Compensating)
            .Permit(T.AgentRestarted, S.Compensating)
            .Permit(T.PointOfNoReturnReached, S.HandingOver);

        sm.Configure(S.Compensating)
            .Permit(T.CompensationSucceeded, S.RolledBack)
            .Permit(T.CompensationFailed, S.NeedsAttention)
            .PermitReentry(T.AgentRestarted)
            .Ignore(T.Abort);

        // The handover syscall returning at all means the old kernel still runs; a restart tells us
        // which kernel we are in by the boot id and the liveupdate.* command-line tokens.
        sm.Configure(S.HandingOver)
            .Permit(T.HandoverReturned, S.Compensating)
            .Permit(T.NewKernelDetected, S.Recovering)
            .Permit(T.OldKernelDetected, S.Compensating)
            .Permit(T.KernelUnknown, S.NeedsAttention);

        sm.Configure(S.Recovering)
            .Permit(T.RecoverySucceeded, S.Completed)
            .Permit(T.RecoveryFailed, S.NeedsAttention)
            .PermitReentry(T.AgentRestarted);

        sm.Configure(S.RolledBack)
            .Permit(T.Prepare, S.Preparing)
            .Ignore(T.AgentRestarted);

        sm.Configure(S.Completed)
            .Permit(T.Prepare, S.Preparing)
            .Ignore(T.AgentRestarted);

        sm.Configure(S.NeedsAttention)
            .Permit(T.Acknowledge, S.Idle)
            .Ignore(T.AgentRestarted);

        return sm;
    }

    /// <summary>True while the host is between the first irreversible action and its end state.</summary>
    public static bool IsInFlight(S state) => state is S.Executing or S.Compensating or S.HandingOver or S.Recovering;

    /// <summary>True once nothing can undo the switch to the new kernel.</summary>
    public static bool IsPastPointOfNoReturn(S state) => state is S.HandingOver or S.Recovering or S.Completed;

    /// <summary>The Mermaid diagram of the table, as checked in under docs/state-machines/.</summary>
    public static string ToMermaid()
    {
        var state = S.Idle;
        return MermaidGraph.Format(Create(() => state, s => state = s).GetInfo());
    }
}
