using LiveUpdate.Agent.Faults;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Update;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Tests.Crash;

/// <summary>
/// Every journal boundary of a shipped playbook where the agent is killed: after each step's start
/// (durable, with what it is about to touch, before it acts), after each step's completion (written,
/// made durable by the next record), and as the handover begins. Generated from the playbook, so a new
/// step brings its own crash points.
/// </summary>
internal static class CrashPoints
{
    public const string Playbook = "pmem-kexec";

    public static Playbook Load() => PlaybookLoader.LoadFile(RepositoryRoot.Combine("Playbooks", "shipped", Playbook + ".yaml")).GetPlaybookOrThrow();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var point in Of(Load()))
        {
            data.Add(point.ToString());
        }

        return data;
    }

    /// <summary>The completions of the steps from suspend-vms to resume-vms: the records whose fsync rides on the next one inside the blackout.</summary>
    public static TheoryData<string> CompletionsInBlackout()
    {
        var playbook = Load();
        var steps = playbook.Steps.ToList();
        var first = steps.FindIndex(s => s.Kind == "suspend-vms");
        var last = steps.FindLastIndex(s => s.Kind == "resume-vms");
        var data = new TheoryData<string>();
        foreach (var step in steps.Skip(first).Take(last - first + 1))
        {
            data.Add(new FaultPoint(JournalRecordType.StepCompleted, step.Id).ToString());
        }

        return data;
    }

    public static IEnumerable<FaultPoint> Of(Playbook playbook)
    {
        foreach (var step in playbook.Steps)
        {
            if (step.Id == playbook.PointOfNoReturn)
            {
                yield return new FaultPoint(JournalRecordType.StateChanged, nameof(HostUpdateState.HandingOver));
            }

            yield return new FaultPoint(JournalRecordType.StepStarted, step.Id);
            yield return new FaultPoint(JournalRecordType.StepCompleted, step.Id);
        }
    }

    /// <summary>
    /// True when a crash at the point leaves the host in the new kernel: the handover's completion is
    /// journaled by the agent in the new kernel, so it and everything after it are past the switch.
    /// </summary>
    public static bool IsAfterKernelSwitch(Playbook playbook, FaultPoint point)
    {
        if (point.Type == JournalRecordType.StateChanged)
        {
            return false;
        }

        var index = playbook.Steps.ToList().FindIndex(s => s.Id == point.Subject);
        var handover = playbook.Steps.ToList().FindIndex(s => s.Id == playbook.PointOfNoReturn);
        return index > handover || (index == handover && point.Type == JournalRecordType.StepCompleted);
    }
}
