namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>
/// Virtual time for simulations: nothing moves until <see cref="AdvanceToNext"/> jumps to the next timer due, so an
/// hour-long rollout simulates in milliseconds and every event carries the exact instant it was scheduled for.
/// Timer callbacks run on the thread that advances the clock.
/// </summary>
public sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<SimulationTimer, (DateTimeOffset Due, long Order)> _due = new();
    private readonly DateTimeOffset _start = start;
    private DateTimeOffset _now = start;
    private long _order;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => (GetUtcNow() - _start).Ticks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SimulationTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The instant of the earliest live timer, or null when no timer is pending.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_lock)
            {
                DropStale();
                return _due.TryPeek(out _, out var key) ? key.Due : null;
            }
        }
    }

    /// <summary>Moves to the earliest pending timer and fires it; false when no timer is pending.</summary>
    public bool AdvanceToNext()
    {
        SimulationTimer timer;
        lock (_lock)
        {
            DropStale();
            if (!_due.TryDequeue(out timer!, out var key))
            {
                return false;
            }

            _now = key.Due > _now ? key.Due : _now;
        }

        timer.Fire();
        return true;
    }

    internal void Schedule(SimulationTimer timer, TimeSpan dueTime)
    {
        lock (_lock)
        {
            var due = _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            timer.Due = due;
            _due.Enqueue(timer, (due, _order++));
        }
    }

    // Changed or disposed timers stay in the queue with a stale due time; they are skipped here.
    private void DropStale()
    {
        while (_due.TryPeek(out var timer, out var key) && timer.Due != key.Due)
        {
            _due.Dequeue();
        }
    }
}
