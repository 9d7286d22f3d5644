namespace LiveUpdate.Agent.Journal;

/// <summary>When an appended journal record must be on disk.</summary>
public enum Durability
{
    /// <summary>fsync'ed, with every record before it, before the append returns; then shown to watchers.</summary>
    Now,

    /// <summary>
    /// Written to the file at once, fsync'ed with the next durable record. For completion records: the
    /// record after a completion (the next step's start, written durably before that step acts, or a
    /// state change) carries it to disk, so a step's "after" costs no fsync of its own. A kernel crash
    /// before then leaves the step started-but-not-completed, which recovery already handles: every
    /// step is idempotent.
    /// </summary>
    WithNext,
}
