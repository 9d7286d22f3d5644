using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Preflight;

/// <summary>What each preservation method asks of the host.</summary>
internal static class PreservationRules
{
    public static bool NeedsPmem(PreservationMethod method) => method is PreservationMethod.PmemSave or PreservationMethod.PmemSharedMemory;

    /// <summary>The directory the playbook's save-vms step writes VM state to, or null when it saves none.</summary>
    public static string? SaveTarget(Playbook playbook) =>
        playbook.Steps.FirstOrDefault(s => s.Kind == StepKinds.SaveVms)?.GetString("target");
}
