using static LiveUpdate.Playbooks.StepParameterDefinition;

namespace LiveUpdate.Playbooks;

/// <summary>
/// Every step kind a playbook may use, in one place: the loader validates against it, the JSON schema is
/// generated from it, and the agent maps each name to its step implementation.
/// </summary>
public static class StepKindCatalog
{
    private const string CpuPattern = "^(auto|[0-9]+)$";
    private const string AbsolutePath = "^/";

    public static IReadOnlyList<StepKindDefinition> All { get; } =
    [
        Step(StepKinds.Preflight, StepKernel.Old,
            "Checks the host can take the update (capabilities, PMEM layout, free space, VM states) before anything changes."),
        Step(StepKinds.VerifyBundle, StepKernel.Old,
            "Verifies the kernel bundle's digest and signature; nothing unverified is ever loaded."),
        Step(StepKinds.LoadKernel, StepKernel.Old,
            "Loads the new kernel, initramfs and generated command line with kexec_file_load; reversible until the handover."),
        Compensation(StepKinds.UnloadKernel, StepKernel.Old,
            "Unloads a loaded kexec image, so a rolled-back host has no kernel staged."),
        Step(StepKinds.SuspendVms, StepKernel.Old,
            "Pauses every running VM so its state stops changing.",
            Int("parallelism", 8, 1, "How many VMs to suspend at once.")),
        Step(StepKinds.SaveVms, StepKernel.Old,
            "Saves each paused VM's state into the target directory (a DAX filesystem on PMEM, or a disk).",
            RequiredString("target", "Directory that receives the saved state, e.g. /mnt/pmem0/liveupdate.", AbsolutePath, "an absolute path"),
            Int("parallelism", 4, 1, "How many VMs to save at once."),
            Bool("bypass-cache", true, "Write with O_DIRECT so saved state does not linger in the page cache.")),
        Step(StepKinds.OfflineCpu, StepKernel.Old,
            "Takes one CPU offline: kexec quiesces it for the switch; multikernel boots the new kernel on it.",
            String("cpu", "auto", "CPU number to offline, or auto for the highest-numbered online CPU.", CpuPattern, "auto or a CPU number")),
        Step(StepKinds.Handover, StepKernel.Switch,
            "Switches to the new kernel. This is the point of no return: afterwards the old kernel is gone."),
        StepAndCompensation(StepKinds.OnlineCpus, StepKernel.New,
            "Brings every offline CPU back online."),
        StepAndCompensation(StepKinds.RestoreVms, StepKernel.New,
            "Restores each saved VM from the source directory, paused.",
            RequiredString("source", "Directory holding the saved state; the same directory save-vms wrote to.", AbsolutePath, "an absolute path"),
            Int("parallelism", 4, 1, "How many VMs to restore at once.")),
        StepAndCompensation(StepKinds.ResumeVms, StepKernel.Either,
            "Resumes every paused VM.",
            Int("parallelism", 8, 1, "How many VMs to resume at once.")),
        Step(StepKinds.Verify, StepKernel.New,
            "Checks the host came back as expected: the new kernel runs and the VMs are back.",
            Bool("require-all-running", true, "Fail unless every VM that was running before the update is running again.")),
    ];

    public static IReadOnlyList<string> StepNames { get; } = [.. All.Where(k => k.AllowedAsStep).Select(k => k.Name)];

    public static IReadOnlyList<string> CompensationNames { get; } =
        [.. All.Where(k => k.AllowedAsCompensation).Select(k => k.Name)];

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StepKindDefinition? definition)
    {
        definition = All.FirstOrDefault(k => k.Name == name);
        return definition is not null;
    }

    public static StepKindDefinition Get(string name) =>
        TryGet(name, out var definition)
            ? definition
            : throw new KeyNotFoundException(
                $"'{name}' is not a step kind; known kinds: {string.Join(", ", All.Select(k => k.Name))}.");

    private static StepKindDefinition Step(string name, StepKernel kernel, string description, params StepParameterDefinition[] parameters) =>
        new(name, kernel, description, allowedAsStep: true, allowedAsCompensation: false, parameters);

    private static StepKindDefinition Compensation(string name, StepKernel kernel, string description, params StepParameterDefinition[] parameters) =>
        new(name, kernel, description, allowedAsStep: false, allowedAsCompensation: true, parameters);

    private static StepKindDefinition StepAndCompensation(string name, StepKernel kernel, string description, params StepParameterDefinition[] parameters) =>
        new(name, kernel, description, allowedAsStep: true, allowedAsCompensation: true, parameters);
}
