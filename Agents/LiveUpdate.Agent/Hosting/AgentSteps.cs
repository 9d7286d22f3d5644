using LiveUpdate.Agent.Preflight;
using LiveUpdate.Agent.Runner;
using LiveUpdate.Agent.Steps;
using LiveUpdate.Agent.Steps.Handover;
using LiveUpdate.Agent.Steps.LoadKernel;
using LiveUpdate.Agent.Steps.OfflineCpu;
using LiveUpdate.Agent.Steps.OnlineCpus;
using LiveUpdate.Agent.Steps.Preflight;
using LiveUpdate.Agent.Steps.RestoreVms;
using LiveUpdate.Agent.Steps.ResumeVms;
using LiveUpdate.Agent.Steps.SaveVms;
using LiveUpdate.Agent.Steps.SuspendVms;
using LiveUpdate.Agent.Steps.Verify;
using LiveUpdate.Agent.Steps.VerifyBundle;

namespace LiveUpdate.Agent.Hosting;

/// <summary>Every step kind this agent implements, for the runner's catalog.</summary>
internal static class AgentSteps
{
    public static StepCatalog Catalog(IPreflight preflight) => new(
    [
        new PreflightStep(preflight),
        new VerifyBundleStep(),
        new LoadKernelStep(),
        new UnloadKernelStep(),
        new SuspendVmsStep(),
        new SaveVmsStep(),
        new OfflineCpuStep(),
        new HandoverStep(),
        new OnlineCpusStep(),
        new RestoreVmsStep(),
        new ResumeVmsStep(),
        new VerifyStep(),
    ]);
}
