using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Faults;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Tests.Crash;

/// <summary>What the journal of one crashed-and-recovered update must show, read as an operator reads it (Watch).</summary>
internal static class JournalChecks
{
    private static readonly string[] EndStates = ["Completed", "RolledBack", "NeedsAttention"];

    /// <param name="faultRecordLost">The fault's record was lost with the crash (a completion not yet fsync'ed).</param>
    public static void AssertConsistent(IReadOnlyList<UpdateEvent> events, Playbook playbook, FaultPoint fault, string endState, bool faultRecordLost = false)
    {
        var trace = string.Join("\n", events.Select(e => $"{e.Sequence} {e.Type} {e.StepId}{e.State} {e.Message}"));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.Second.Sequence > p.First.Sequence), "sequences not strictly increasing:\n" + trace);
        Assert.Equal(nameof(JournalRecordType.UpdateStarted), events[0].Type);
        Assert.Single(events, e => e.Type == nameof(JournalRecordType.UpdateStarted));
        Assert.Single(events, IsEnd);
        Assert.True(events[^1].Type == nameof(JournalRecordType.StateChanged) && events[^1].State == endState, $"expected to end {endState}:\n{trace}");

        // Nothing after the fault record came from the killed process: the next record is the restarted agent's first state change.
        // When that record was lost, the step's start is the killed process's last record instead.
        var at = faultRecordLost
            ? events.ToList().FindIndex(e => e.Type == nameof(JournalRecordType.StepStarted) && e.StepId == fault.Subject)
            : events.ToList().FindIndex(e => Matches(fault, e));
        Assert.True(at >= 0 && at + 1 < events.Count, $"no {fault} record followed by another:\n{trace}");
        var next = events[at + 1];
        Assert.True(next.Type == nameof(JournalRecordType.StateChanged) && next.State is "Compensating" or "Recovering", $"after {fault} came {next.Type} {next.StepId}{next.State}:\n{trace}");

        foreach (var (started, index) in events.Select((e, i) => (e, i)).Where(x => x.e.Type == nameof(JournalRecordType.StepStarted) && InBlackout(playbook, x.e.StepId)))
        {
            var later = events.Skip(index + 1).Where(e => e.StepId == started.StepId).ToList();
            var closed = later.Any(e => e.Type is nameof(JournalRecordType.StepCompleted) or nameof(JournalRecordType.CompensationCompleted))
                || (playbook.CompensationFor(started.StepId) is null && endState == "RolledBack");
            Assert.True(closed, $"StepStarted {started.StepId} (#{started.Sequence}) is followed by neither its completion nor its compensation:\n{trace}");
        }

        // Recovery finishes what is missing and never redoes what completed.
        foreach (var step in playbook.Steps)
        {
            Assert.True(events.Count(e => e.Type == nameof(JournalRecordType.StepCompleted) && e.StepId == step.Id) <= 1, $"{step.Id} completed twice:\n{trace}");
        }
    }

    private static bool IsEnd(UpdateEvent e) => e.Type == nameof(JournalRecordType.StateChanged) && EndStates.Contains(e.State);

    private static bool Matches(FaultPoint fault, UpdateEvent e) =>
        e.Type == fault.Type.ToString() && (fault.Type == JournalRecordType.StateChanged ? e.State : e.StepId) == fault.Subject;

    /// <summary>From the step that suspends the VMs to the one that resumes them: the VMs' blackout.</summary>
    private static bool InBlackout(Playbook playbook, string stepId)
    {
        var ids = playbook.Steps.Select(s => s.Id).ToList();
        var first = playbook.Steps.ToList().FindIndex(s => s.Kind == "suspend-vms");
        var last = playbook.Steps.ToList().FindLastIndex(s => s.Kind == "resume-vms");
        var index = ids.IndexOf(stepId);
        return index >= first && index <= last;
    }
}
