using System.Runtime.CompilerServices;

namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>
/// A simulation of one host's agent, in process, for engine tests, benchmarks and dry rehearsals. It keeps the
/// real agent's contract: a journal with sequence numbers that Watch replays, Prepare idempotent per update id,
/// Abort honoured only before the point of no return, the update running on its own whatever happens to the
/// caller's stream. Steps take their time on the given <see cref="TimeProvider"/>; nothing touches a machine.
/// </summary>
public sealed partial class SimulatedAgent : IAgentClient
{
    private readonly Lock _lock = new();
    private readonly List<AgentEvent> _journal = [];
    private readonly HashSet<string> _usedUpdateIds = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly SimulationObserver _observer;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _staged;
    private int _drops;
    private bool _unreachable;

    public SimulatedAgent(SimulatedHost profile, TimeProvider time, SimulationObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _time = time;
        _observer = observer ?? new SimulationObserver();
        KernelRelease = profile.KernelRelease;
        BundleDigest = profile.BundleDigest;
        BootId = $"boot-{profile.Host}-0";
    }

    public SimulatedHost Profile { get; }

    public string Host => Profile.Host;

    public string UpdateId { get; private set; } = "";

    /// <summary>The host update state, named as the real agent names it (Idle, Prepared, Executing, HandingOver…).</summary>
    public string State { get; private set; } = "Idle";

    public string KernelRelease { get; private set; }

    public string BundleDigest { get; private set; }

    public string BootId { get; private set; }

    public IReadOnlyList<AgentEvent> Journal
    {
        get
        {
            lock (_lock)
            {
                return [.. _journal];
            }
        }
    }

    public async Task<AgentDescription> DescribeAsync(string? playbookYaml, CancellationToken ct)
    {
        await CallAsync(Profile.CallTime, ct);
        return new AgentDescription(Host, KernelRelease, BootId, BundleDigest, Profile.VmCount, Profile.VmMemoryBytes, ["simulated"]);
    }

    public async Task<string> StageBundleAsync(string bundleDirectory, string bundleDigest, CancellationToken ct)
    {
        await CallAsync(Profile.StageTime, ct);
        _staged = bundleDigest;
        return bundleDigest;
    }

    public async Task<AgentPrepareResult> PrepareAsync(AgentPrepareRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await CallAsync(Profile.CallTime, ct);
        lock (_lock)
        {
            if (State == "Prepared" && UpdateId == request.UpdateId)
            {
                return new AgentPrepareResult(true, [], "simulated");
            }

            if (State is not ("Idle" or "Completed" or "RolledBack"))
            {
                return Refused($"update-in-flight: update {UpdateId} is {State}");
            }

            if (!_usedUpdateIds.Add(request.UpdateId))
            {
                return Refused($"update-id-used: update id {request.UpdateId} was used before on this host");
            }

            if (_staged != request.BundleDigest)
            {
                return Refused($"bundle-not-staged: bundle {request.BundleDigest} is not staged; stage it first");
            }

            UpdateId = request.UpdateId;
            Append("UpdateStarted", "", $"update {request.UpdateId} accepted");
            ChangeState("Prepared");
            return new AgentPrepareResult(true, [], "simulated");
        }
    }

    public async IAsyncEnumerable<AgentEvent> ExecuteAsync(string updateId, [EnumeratorCancellation] CancellationToken ct)
    {
        await CallAsync(Profile.CallTime, ct);
        long cursor;
        lock (_lock)
        {
            _observer.Executed(updateId);
            if (UpdateId != updateId || State == "Idle")
            {
                throw new AgentRefusedException(Host, "Execute", $"update {updateId} is not the current update; prepare it first");
            }

            cursor = State == "Prepared" ? _journal.Count : 0;
            if (State == "Prepared")
            {
                Begin();
            }
        }

        await foreach (var e in FollowAsync(updateId, cursor, ct))
        {
            yield return e;
        }
    }

    public async IAsyncEnumerable<AgentEvent> WatchAsync(string updateId, long afterSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        await CallAsync(Profile.CallTime, ct);
        await foreach (var e in FollowAsync(updateId, afterSequence, ct))
        {
            yield return e;
        }
    }

    public async Task<AgentAbortResult> AbortAsync(string updateId, string reason, CancellationToken ct)
    {
        await CallAsync(Profile.CallTime, ct);
        lock (_lock)
        {
            return Abort(updateId, reason);
        }
    }

    public async Task<AgentStatus> StatusAsync(CancellationToken ct)
    {
        await CallAsync(Profile.CallTime, ct);
        lock (_lock)
        {
            return new AgentStatus(UpdateId, State, _journal.Count, KernelRelease, BootId);
        }
    }

    private static AgentPrepareResult Refused(string reason) => new(false, [reason], "");

    private async Task CallAsync(TimeSpan duration, CancellationToken ct)
    {
        await Task.Delay(duration, _time, ct);
        if (_unreachable)
        {
            throw new AgentUnavailableException(Host, "connection refused: the host is switching kernels");
        }
    }

    private async IAsyncEnumerable<AgentEvent> FollowAsync(string updateId, long afterSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        var epoch = _drops;
        var cursor = 0;
        var ended = false;
        while (true)
        {
            var pending = new List<AgentEvent>();
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
                for (; cursor < _journal.Count; cursor++)
                {
                    var e = _journal[cursor];
                    if (e.UpdateId == updateId)
                    {
                        ended |= e.EndState is not null;
                        if (e.Sequence > afterSequence)
                        {
                            pending.Add(e);
                        }
                    }
                }

                if (!_usedUpdateIds.Contains(updateId))
                {
                    throw new AgentRefusedException(Host, "Watch", $"no update {updateId} on this host");
                }
            }

            foreach (var e in pending)
            {
                yield return e;
                if (e.EndState is not null)
                {
                    yield break;
                }
            }

            if (ended)
            {
                yield break;
            }

            if (_drops != epoch)
            {
                throw new AgentUnavailableException(Host, "stream dropped: the host is switching kernels");
            }

            // Awaited directly (no WaitAsync, no WhenAny): those complete on the thread pool, which would let a
            // one-thread simulation run ahead of its own continuations. Cancellation wakes every watcher instead.
            using (ct.Register(static agent => ((SimulatedAgent)agent!).WakeWatchers(), this))
            {
                await changed;
            }

            ct.ThrowIfCancellationRequested();
        }
    }

    private void WakeWatchers()
    {
        lock (_lock)
        {
            Signal();
        }
    }
}
