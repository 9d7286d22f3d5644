using System.Diagnostics;
using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Telemetry;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>What every host worker of one rollout shares.</summary>
/// <param name="Trace">The span a host's span opens under: the engine holds the rollout's here and gives each worker its wave's.</param>
internal sealed record HostWorkerContext(
    RolloutRecord Rollout,
    RolloutPlan Plan,
    RolloutSpec Spec,
    IRolloutStore Store,
    IAgentClientFactory Agents,
    IGateEvaluator Gates,
    TimeProvider Time,
    RolloutEngineOptions Options,
    OrchestratorTelemetry? Telemetry,
    ILogger Logger,
    ActivityContext Trace)
{
    public string FirstBlackoutStep { get; } = Plan.StepTemplates.FirstOrDefault(s => s.InBlackout)?.Id ?? "";

    public string LastBlackoutStep { get; } = Plan.StepTemplates.LastOrDefault(s => s.InBlackout)?.Id ?? "";

    public IReadOnlyDictionary<string, string> StepKinds { get; } = Plan.StepTemplates.ToDictionary(s => s.Id, s => s.Kind, StringComparer.Ordinal);
}
