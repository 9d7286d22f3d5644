namespace LiveUpdate.Agent.Faults;

/// <summary>
/// Crash injection for the lab and the crash tests: with <see cref="Variable"/> set to a
/// <see cref="FaultPoint"/>, the agent SIGKILLs itself right after the matching journal record is
/// written (fsync'ed, or for a completion in the file waiting for the next fsync) — a real kill -9 at a precise boundary, so recovery is tested against exactly what a
/// crash leaves. The setting is read once, when the agent starts, and honoured only where the kernel
/// switch itself is simulated (a sandbox tree); anywhere else the agent refuses to start, so no
/// configuration mistake can make a real host kill its agent in the middle of an update.
/// </summary>
public sealed class FaultInjection
{
    public const string Variable = "LIVEUPDATE_FAULT_KILL_AFTER";

    private readonly Action _kill;

    public FaultInjection(FaultPoint point, Action kill)
    {
        Point = point;
        _kill = kill;
    }

    public FaultPoint Point { get; }

    /// <summary>The fault the environment asks for, or null when none is set.</summary>
    /// <param name="sandboxed">Whether this agent runs on a sandbox tree; asked only when the variable is set.</param>
    public static FaultInjection? FromEnvironment(Func<string, string?> environment, Func<bool> sandboxed)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(sandboxed);
        var text = environment(Variable);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var point = FaultPoint.Parse(text);
        return sandboxed()
            ? new FaultInjection(point, SelfKill.Now)
            : throw new FaultInjectionRefusedException(
                $"{Variable}={text} is set, but this agent runs on a real host: fault injection only runs with --sandbox. Unset {Variable} and start the agent again.");
    }

    /// <summary>Called after each record is written: ends the process when it is the fault point.</summary>
    public void AfterWritten(Journal.JournalRecord record)
    {
        if (Point.Matches(record))
        {
            _kill();
        }
    }
}
