using LiveUpdate.Agent.Hosting;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Steps;
using LiveUpdate.Agent.Update;
using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Playbooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using T = LiveUpdate.Agent.Update.HostUpdateTrigger;

namespace LiveUpdate.Agent.Runner;

/// <summary>
/// Drives one update through the host state machine: the steps before the point of no return, the
/// handover, and — on any failure before it — the compensations in reverse. It calls nothing remote:
/// the whole blackout segment runs on this agent alone, and watchers read the journal.
/// </summary>
public sealed class UpdateRunner(FileJournal journal, StepRunner steps, ILogger? logger = null)
{
    /// <summary>Runs a prepared update until the handover (which does not return on success) or its rollback.</summary>
    public Task<HostUpdateState> ExecuteAsync(UpdatePlan plan, Playbook playbook, CancellationToken abort) =>
        CommittingAsync(() => ExecuteStepsAsync(plan, playbook, abort));

    /// <summary>
    /// Called on every agent start with the journal's latest update: finishes it in the new kernel,
    /// undoes it in the old one, or leaves it for a person when the kernel cannot be told.
    /// </summary>
    public Task<HostUpdateState> RecoverAsync(UpdatePlan plan, Playbook playbook, string bootId, KernelCommandLine commandLine) =>
        CommittingAsync(() => RecoverStepsAsync(plan, playbook, bootId, commandLine));

    /// <summary>However a run ends (even by an unexpected exception), no record it wrote is left waiting for an fsync.</summary>
    private async Task<HostUpdateState> CommittingAsync(Func<Task<HostUpdateState>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        finally
        {
            journal.Commit();
        }
    }

    private async Task<HostUpdateState> ExecuteStepsAsync(UpdatePlan plan, Playbook playbook, CancellationToken abort)
    {
        var machine = StateOf(plan);
        machine.Fire(T.Execute);
        foreach (var step in playbook.StepsBeforePointOfNoReturn)
        {
            if (abort.IsCancellationRequested)
            {
                machine.Fire(T.Abort);
                return await CompensateAsync(plan, playbook).ConfigureAwait(false);
            }

            var run = await steps.RunAsync(plan, playbook, StepSpec.From(step), compensates: null, abort).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                machine.Fire(abort.IsCancellationRequested ? T.Abort : T.StepFailed);
                return await CompensateAsync(plan, playbook).ConfigureAwait(false);
            }
        }

        // From here no abort is honoured: the handover is one atomic act of the kernel.
        machine.Fire(T.PointOfNoReturnReached);
        await steps.RunAsync(plan, playbook, StepSpec.From(playbook.PointOfNoReturnStep), compensates: null, CancellationToken.None).ConfigureAwait(false);

        // Returning at all means the old kernel still runs: nothing was lost, so undo everything.
        machine.Fire(T.HandoverReturned);
        return await CompensateAsync(plan, playbook).ConfigureAwait(false);
    }

    private async Task<HostUpdateState> RecoverStepsAsync(UpdatePlan plan, Playbook playbook, string bootId, KernelCommandLine commandLine)
    {
        var machine = StateOf(plan);
        switch (machine.State)
        {
            case HostUpdateState.Preparing or HostUpdateState.Executing or HostUpdateState.Compensating:
                machine.Fire(T.AgentRestarted);
                return machine.State == HostUpdateState.Compensating
                    ? await CompensateAsync(plan, playbook).ConfigureAwait(false)
                    : machine.State;
            case HostUpdateState.HandingOver:
                var verdict = KernelVerdicts.Judge(plan, bootId, commandLine);
                machine.Fire(verdict switch
                {
                    KernelVerdict.NewKernel => T.NewKernelDetected,
                    KernelVerdict.OldKernel => T.OldKernelDetected,
                    _ => T.KernelUnknown,
                });
                return machine.State switch
                {
                    HostUpdateState.Recovering => await FinishAsync(plan, playbook).ConfigureAwait(false),
                    HostUpdateState.Compensating => await CompensateAsync(plan, playbook).ConfigureAwait(false),
                    _ => machine.State,
                };
            case HostUpdateState.Recovering:
                machine.Fire(T.AgentRestarted);
                return await FinishAsync(plan, playbook).ConfigureAwait(false);
            default:
                return machine.State;
        }
    }

    /// <summary>Undoes, newest first, every step that began before the point of no return and is not yet undone.</summary>
    private async Task<HostUpdateState> CompensateAsync(UpdatePlan plan, Playbook playbook)
    {
        var machine = StateOf(plan);
        var history = journal.Latest!;
        var before = playbook.StepsBeforePointOfNoReturn.Select(s => s.Id).Append(playbook.PointOfNoReturn).ToHashSet();
        foreach (var started in history.StartedNewestFirst().Where(s => before.Contains(s.StepId) && !history.Compensated.Contains(s.StepId)))
        {
            if (playbook.CompensationFor(started.StepId) is not { } compensation)
            {
                continue;
            }

            var run = await steps.RunAsync(plan, playbook, StepSpec.From(compensation), compensates: started.StepId, CancellationToken.None).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                machine.Fire(T.CompensationFailed);
                return machine.State;
            }
        }

        DiscardSavedState();
        machine.Fire(T.CompensationSucceeded);
        return machine.State;
    }

    /// <summary>Runs, in the new kernel, every step after the point of no return that has not completed yet.</summary>
    private async Task<HostUpdateState> FinishAsync(UpdatePlan plan, Playbook playbook)
    {
        var machine = StateOf(plan);
        var history = journal.Latest!;
        if (history.Step(playbook.PointOfNoReturn) is { Completed: false })
        {
            steps.Append(plan, JournalRecordType.StepCompleted, playbook.PointOfNoReturn, "new kernel running", null, durability: Durability.WithNext);
        }

        foreach (var step in playbook.StepsAfterPointOfNoReturn.Where(s => history.Step(s.Id) is not { Completed: true }))
        {
            var run = await steps.RunAsync(plan, playbook, StepSpec.From(step), compensates: null, CancellationToken.None).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                machine.Fire(T.RecoveryFailed);
                return machine.State;
            }
        }

        DiscardSavedState();
        machine.Fire(T.RecoverySucceeded);
        return machine.State;
    }

    /// <summary>
    /// Every VM runs from memory again: the saved images go before the end state is journaled, so a crash
    /// in between recovers to here and removes them then. One that cannot be removed is left, and logged.
    /// </summary>
    private void DiscardSavedState()
    {
        var history = journal.Latest!;
        try
        {
            foreach (var directory in SavedState.Discard(history))
            {
                AgentLog.SavedStateDiscarded(logger ?? NullLogger.Instance, history.UpdateId, directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AgentLog.SavedStateKept(logger ?? NullLogger.Instance, history.UpdateId, e.Message);
        }
    }

    /// <summary>
    /// The state machine over the journal: the state read is the journal's, a transition is a journaled
    /// record. Entering an in-flight state, this runner's next record follows at once (a step's or a
    /// compensation's start, durable before it acts, or the end state), so the state change rides to
    /// disk with it; an end state is fsync'ed on its own.
    /// </summary>
    private Stateless.StateMachine<HostUpdateState, T> StateOf(UpdatePlan plan) => HostUpdateStateMachine.Create(
        () => journal.Latest?.State ?? HostUpdateState.Idle,
        s => steps.Append(plan, JournalRecordType.StateChanged, null, $"state {s}", null, s.ToString(),
            HostUpdateStateMachine.IsInFlight(s) ? Durability.WithNext : Durability.Now));
}
