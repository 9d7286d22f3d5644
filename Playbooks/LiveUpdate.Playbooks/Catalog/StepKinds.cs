namespace LiveUpdate.Playbooks;

/// <summary>The names of the step kinds, as written in playbooks. <see cref="StepKindCatalog"/> defines them.</summary>
public static class StepKinds
{
    public const string Preflight = "preflight";
    public const string VerifyBundle = "verify-bundle";
    public const string LoadKernel = "load-kernel";
    public const string UnloadKernel = "unload-kernel";
    public const string SuspendVms = "suspend-vms";
    public const string SaveVms = "save-vms";
    public const string OfflineCpu = "offline-cpu";
    public const string Handover = "handover";
    public const string OnlineCpus = "online-cpus";
    public const string RestoreVms = "restore-vms";
    public const string ResumeVms = "resume-vms";
    public const string Verify = "verify";
}
