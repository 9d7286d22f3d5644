using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Preflight;

/// <summary>Judges one playbook against the host's facts. Pure: every check runs, so every reason is listed.</summary>
internal static class PlaybookEvaluator
{
    public static PlaybookReadiness Evaluate(Playbook playbook, PreflightFacts facts)
    {
        var findings = new PreflightFindings();
        bool needsPmem = PreservationRules.NeedsPmem(playbook.Preservation);
        ulong? vmBytes = facts.Vms.TotalMemoryBytes;

        HandoverChecks.Check(playbook.Handover, facts.Host, facts.Capabilities, findings);
        CpuChecks.Check(facts.Host.Cpus, findings);
        LayoutChecks.Check(playbook, facts.Host, vmBytes ?? 0, findings);
        if (needsPmem)
        {
            PmemChecks.Check(facts.Host, facts.Pmem, findings);
        }

        SaveTargetFact? target = PreservationRules.SaveTarget(playbook) is { } path ? facts.SaveTargets[path] : null;
        if (target is not null)
        {
            SaveTargetChecks.Check(needsPmem, target, facts.Pmem, vmBytes, findings);
        }

        IReadOnlyList<VmPreservability> vms = VmChecks.Check(facts.LibvirtUri, facts.Vms, target?.FreeBytes, findings);
        return new PlaybookReadiness(playbook.Name, findings.Reasons.Count == 0, findings.Reasons) { Notes = findings.Notes, Vms = vms };
    }
}
