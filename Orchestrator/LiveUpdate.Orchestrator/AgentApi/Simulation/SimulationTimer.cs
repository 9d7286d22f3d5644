namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>A timer of a <see cref="SimulationClock"/>; fires only when the clock is advanced past it.</summary>
internal sealed class SimulationTimer(SimulationClock clock, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    /// <summary>When it fires next; null when stopped. Read and written under the clock's lock.</summary>
    public DateTimeOffset? Due { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            Due = null;
        }
        else
        {
            clock.Schedule(this, dueTime);
        }

        return true;
    }

    public void Fire()
    {
        if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
        {
            clock.Schedule(this, _period);
        }
        else
        {
            Due = null;
        }

        callback(state);
    }

    public void Dispose() => Due = null;

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
