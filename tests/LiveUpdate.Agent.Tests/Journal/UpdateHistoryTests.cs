using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Update;
using static LiveUpdate.Agent.Tests.Journal.FileJournalTests;

namespace LiveUpdate.Agent.Tests.Journal;

public sealed class UpdateHistoryTests
{
    [Fact]
    public void Latest_TwoUpdates_FoldsOnlyTheLastOne()
    {
        var records = Sequence(
            Draft(JournalRecordType.UpdateStarted) with { UpdateId = "old" },
            Draft(JournalRecordType.StateChanged) with { UpdateId = "old", State = nameof(HostUpdateState.Completed) },
            Draft(JournalRecordType.UpdateStarted) with { UpdateId = "new", Data = new Dictionary<string, string> { ["bundle"] = "abc" } },
            Draft(JournalRecordType.StateChanged) with { UpdateId = "new", State = nameof(HostUpdateState.Executing) });

        var history = UpdateHistory.Latest(records)!;

        Assert.Equal("new", history.UpdateId);
        Assert.Equal(HostUpdateState.Executing, history.State);
        Assert.Equal("abc", history.Plan["bundle"]);
    }

    [Fact]
    public void Replay_StepStartedNeverCompleted_IsStartedButNotCompleted()
    {
        var history = UpdateHistory.Replay(Sequence(
            Draft(JournalRecordType.UpdateStarted),
            Draft(JournalRecordType.StepStarted, "suspend"),
            Draft(JournalRecordType.StepCompleted, "suspend", new() { ["vms"] = "a" }),
            Draft(JournalRecordType.StepStarted, "save")));

        Assert.True(history.Step("suspend")!.Completed);
        Assert.Equal("a", history.Step("suspend")!.Data["vms"]);
        Assert.False(history.Step("save")!.Completed);
        Assert.Equal(["save", "suspend"], history.StartedNewestFirst().Select(s => s.StepId));
    }

    [Fact]
    public void Replay_CompensationCompleted_IsRemembered()
    {
        var history = UpdateHistory.Replay(Sequence(
            Draft(JournalRecordType.UpdateStarted),
            Draft(JournalRecordType.StepStarted, "load"),
            Draft(JournalRecordType.CompensationCompleted, "load")));

        Assert.Contains("load", history.Compensated);
    }

    private static JournalRecord[] Sequence(params JournalRecord[] records) =>
        records.Select((r, i) => r with { Sequence = i + 1 }).ToArray();
}
