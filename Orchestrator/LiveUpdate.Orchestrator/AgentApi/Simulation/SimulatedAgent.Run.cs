using System.Globalization;

namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>The update itself: steps advanced by timers, as the real agent runs them on its own.</summary>
public sealed partial class SimulatedAgent
{
    private ITimer? _timer;
    private bool _abortRequested;
    private bool _pastPointOfNoReturn;

    // Called under the lock.
    private void Begin()
    {
        _abortRequested = false;
        _pastPointOfNoReturn = false;
        _observer.Enter(Profile.FailureDomain);
        ChangeState("Executing");
        StartStep(0);
    }

    private void StartStep(int index)
    {
        if (index == Profile.Steps.Count)
        {
            End("Completed");
            return;
        }

        if (_abortRequested && !_pastPointOfNoReturn)
        {
            Compensate("aborted by the orchestrator");
            return;
        }

        var step = Profile.Steps[index];
        Append("StepStarted", step.Id, $"{step.Kind} started");
        if (step.IsPointOfNoReturn)
        {
            _pastPointOfNoReturn = true;
            ChangeState("HandingOver");
            if (Profile.Failure.HasFlag(SimulatedFailure.DropStreamInBlackout))
            {
                _unreachable = true;
                _drops++;
                Signal();
            }
        }

        After(step.Duration, () => CompleteStep(index));
    }

    private void CompleteStep(int index)
    {
        var step = Profile.Steps[index];
        if (!_pastPointOfNoReturn && step.InBlackout && Profile.Failure.HasFlag(SimulatedFailure.FailBeforeHandover))
        {
            Append("StepFailed", step.Id, $"{step.Kind} failed (simulated)");
            Compensate($"{step.Kind} failed");
            return;
        }

        var firstAfterHandover = index > 0 && Profile.Steps[index - 1].IsPointOfNoReturn;
        if (firstAfterHandover && Profile.Failure.HasFlag(SimulatedFailure.FailAfterHandover))
        {
            const string Kept = "VM state kept in PMEM at /dev/pmem0 (simulated)";
            Append("StepFailed", step.Id, $"{step.Kind} failed in the new kernel (simulated); {Kept}");
            End("NeedsAttention", Kept);
            return;
        }

        if (step.IsPointOfNoReturn)
        {
            KernelRelease = Profile.Kernels.GetValueOrDefault(_staged ?? "", KernelRelease);
            BundleDigest = _staged ?? BundleDigest;
            BootId = $"boot-{Host}-{_journal.Count.ToString(CultureInfo.InvariantCulture)}";
            _unreachable = false;
            ChangeState("Recovering");
        }

        Append("StepCompleted", step.Id, $"{step.Kind} completed", new Dictionary<string, string>
        {
            ["durationMs"] = ((long)step.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        });
        StartStep(index + 1);
    }

    private void Compensate(string reason)
    {
        ChangeState("Compensating", reason);
        After(Profile.CompensationTime, () => End("RolledBack"));
    }

    private AgentAbortResult Abort(string updateId, string reason)
    {
        if (updateId != UpdateId)
        {
            return new AgentAbortResult(false, $"update {updateId} is not the current update", State);
        }

        switch (State)
        {
            case "Prepared":
                ChangeState("RolledBack", "aborted before execution: " + reason);
                return new AgentAbortResult(true, "aborted before execution", State);
            case "Executing" when !_pastPointOfNoReturn:
                _abortRequested = true;
                return new AgentAbortResult(true, "aborting: the current step finishes, then completed steps are undone", State);
            default:
                return new AgentAbortResult(false, $"update is {State}: past the point of no return or already ended", State);
        }
    }

    private void End(string state, string message = "")
    {
        _timer = null;
        ChangeState(state, message);
        _observer.Leave(Profile.FailureDomain);
    }

    private void After(TimeSpan delay, Action action)
    {
        _timer?.Dispose();
        _timer = _time.CreateTimer(_ => { lock (_lock) { action(); } }, null, delay, Timeout.InfiniteTimeSpan);
    }

    private void ChangeState(string state, string message = "")
    {
        State = state;
        Append("StateChanged", "", message, state: state);
    }

    private void Append(string type, string stepId, string message, IReadOnlyDictionary<string, string>? data = null, string state = "")
    {
        _journal.Add(new AgentEvent(
            _journal.Count + 1, UpdateId, type, _time.GetUtcNow(), state, stepId, message, data ?? new Dictionary<string, string>(), BootId));
        Signal();
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.SetResult();
    }
}
