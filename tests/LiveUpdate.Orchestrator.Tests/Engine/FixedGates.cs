using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Tests.Engine;

/// <summary>Gates with a fixed verdict, counting evaluations.</summary>
internal sealed class FixedGates(bool pass) : IGateEvaluator
{
    public int Evaluations { get; private set; }

    public Task<GateResult> EvaluateAsync(GateSpec gate, GateContext context, CancellationToken ct)
    {
        Evaluations++;
        return Task.FromResult(new GateResult(pass, pass ? "ok" : "probe said no"));
    }
}
