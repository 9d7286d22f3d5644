using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Engine.Gates;

/// <summary>Evaluates one gate of a spec. A failed gate stops the rollout the way an exceeded budget does.</summary>
public interface IGateEvaluator
{
    Task<GateResult> EvaluateAsync(GateSpec gate, GateContext context, CancellationToken ct);
}
