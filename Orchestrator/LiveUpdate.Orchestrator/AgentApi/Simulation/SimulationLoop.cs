namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>
/// Runs async code on one thread in virtual time: continuations queue here and run in order; when none is left,
/// the clock jumps to its next timer. The same seed and inputs therefore give the same run, and a run can be cut
/// off between any two continuations to model a process killed at that point.
/// </summary>
public sealed class SimulationLoop(SimulationClock clock) : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Lock _lock = new();

    /// <summary>Steps run so far: queued continuations, and clock advances (whose timer callbacks may run code inline).</summary>
    public long WorkItems { get; private set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_lock)
        {
            _queue.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("a simulation runs on one thread; post instead of send");

    /// <summary>Starts <paramref name="body"/> on this loop; it runs when the loop is pumped.</summary>
    public Task<T> Start<T>(Func<Task<T>> body)
    {
        var started = new TaskCompletionSource<Task<T>>();
        Post(_ => started.SetResult(body()), null);
        return started.Task.Unwrap();
    }

    /// <summary>
    /// Pumps until <paramref name="done"/> holds (true), or <paramref name="maxWorkItems"/> more steps have run
    /// (false: the caller may abandon the loop there, like a crash).
    /// </summary>
    /// <exception cref="InvalidOperationException">Nothing is queued, no timer is pending, and the run is not done.</exception>
    public bool RunUntil(Func<bool> done, long maxWorkItems = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(done);
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            var budget = maxWorkItems;
            while (true)
            {
                while (TryDequeue(out var item))
                {
                    item.Callback(item.State);
                    WorkItems++;
                    if (--budget <= 0)
                    {
                        return done();
                    }
                }

                if (done())
                {
                    return true;
                }

                if (!clock.AdvanceToNext())
                {
                    throw new InvalidOperationException($"simulation stalled at {clock.GetUtcNow():O}: nothing to run and no timer pending");
                }

                WorkItems++;
                if (--budget <= 0)
                {
                    return done();
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_lock)
        {
            return _queue.TryDequeue(out item);
        }
    }
}
