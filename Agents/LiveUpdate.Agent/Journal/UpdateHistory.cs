using LiveUpdate.Agent.Update;

namespace LiveUpdate.Agent.Journal;

/// <summary>What the journal says about one step of one update.</summary>
public sealed record StepHistory(string StepId, bool Started, bool Completed, bool Failed, string? StartedInBoot, IReadOnlyDictionary<string, string> Data);

/// <summary>
/// One update as reconstructed from the journal: its plan, its last state and what each step did.
/// A pure fold over the records, so recovery after a crash or a kernel switch reads the same
/// history the running agent had.
/// </summary>
public sealed record UpdateHistory(
    string UpdateId,
    IReadOnlyDictionary<string, string> Plan,
    HostUpdateState State,
    string StartedInBoot,
    IReadOnlyDictionary<string, StepHistory> Steps,
    IReadOnlyList<string> StepOrder,
    IReadOnlySet<string> Compensated)
{
    public static UpdateHistory? Latest(IEnumerable<JournalRecord> records)
    {
        var last = records.LastOrDefault(r => r.Type == JournalRecordType.UpdateStarted);
        return last is null ? null : Replay(records.SkipWhile(r => r != last));
    }

    /// <summary>Folds the records of one update (starting with its UpdateStarted).</summary>
    public static UpdateHistory Replay(IEnumerable<JournalRecord> records)
    {
        UpdateHistory? history = null;
        var steps = new Dictionary<string, StepHistory>();
        var order = new List<string>();
        var compensated = new HashSet<string>();
        foreach (var r in records)
        {
            switch (r.Type)
            {
                case JournalRecordType.UpdateStarted:
                    history = new UpdateHistory(r.UpdateId, r.Data ?? new Dictionary<string, string>(), HostUpdateState.Idle, r.BootId, steps, order, compensated);
                    break;
                case JournalRecordType.StateChanged when history is not null && Enum.TryParse<HostUpdateState>(r.State, out var s):
                    history = history with { State = s };
                    break;
                case JournalRecordType.StepStarted when r.StepId is not null:
                    if (!steps.ContainsKey(r.StepId))
                    {
                        order.Add(r.StepId);
                    }

                    steps[r.StepId] = new StepHistory(r.StepId, true, false, false, r.BootId, Merge(steps.GetValueOrDefault(r.StepId)?.Data, r.Data));
                    break;
                case JournalRecordType.StepCompleted when r.StepId is not null && steps.TryGetValue(r.StepId, out var started):
                    steps[r.StepId] = started with { Completed = true, Data = Merge(started.Data, r.Data) };
                    break;
                case JournalRecordType.StepFailed when r.StepId is not null && steps.TryGetValue(r.StepId, out var failed):
                    steps[r.StepId] = failed with { Failed = true, Data = Merge(failed.Data, r.Data) };
                    break;
                case JournalRecordType.CompensationCompleted when r.StepId is not null:
                    compensated.Add(r.StepId);
                    break;
            }
        }

        return history ?? throw new InvalidOperationException("the records hold no UpdateStarted");
    }

    public StepHistory? Step(string id) => Steps.GetValueOrDefault(id);

    /// <summary>Steps that began, newest first: what compensation must undo (a failed step may have half-acted).</summary>
    public IEnumerable<StepHistory> StartedNewestFirst() => StepOrder.AsEnumerable().Reverse().Select(id => Steps[id]);

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        var merged = new Dictionary<string, string>(a ?? new Dictionary<string, string>());
        foreach (var (k, v) in b ?? new Dictionary<string, string>())
        {
            merged[k] = v;
        }

        return merged;
    }
}
