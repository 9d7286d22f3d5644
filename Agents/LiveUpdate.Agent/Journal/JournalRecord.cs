using System.Text.Json.Serialization;

namespace LiveUpdate.Agent.Journal;

/// <summary>What a journal record says happened.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JournalRecordType>))]
public enum JournalRecordType
{
    /// <summary>An update was accepted; carries the plan (bundle, playbook, the kernel identity to expect after handover).</summary>
    UpdateStarted,

    /// <summary>The host update state machine moved; carries the new state.</summary>
    StateChanged,

    /// <summary>
    /// Written (fsync'ed) before a step's action, so a crash inside it is known to have possibly acted;
    /// carries what the step is about to touch (the VMs, the image files, the CPU).
    /// </summary>
    StepStarted,

    /// <summary>Written after a step's action, made durable by the record after it; carries what it did and how long it took.</summary>
    StepCompleted,

    StepFailed,

    CompensationStarted,
    CompensationCompleted,
    CompensationFailed,
}

/// <summary>
/// One fsync'ed line of the agent's journal. <see cref="Sequence"/> is the watch cursor: a watcher
/// that reconnects (after a disconnect or a kernel switch) asks for everything after the last one it saw.
/// </summary>
public sealed record JournalRecord
{
    public required long Sequence { get; init; }

    public required string UpdateId { get; init; }

    public required JournalRecordType Type { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The kernel boot id at the time of writing: tells records of the old kernel from the new.</summary>
    public required string BootId { get; init; }

    public string? State { get; init; }

    public string? StepId { get; init; }

    public string? Message { get; init; }

    /// <summary>Step results and plan details, as flat string pairs so any version can read them.</summary>
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
