using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Engine.Gates;

/// <summary>The gate kinds a spec may name: HTTP probe, command, Prometheus instant query, blackout p99 from the store.</summary>
public sealed class GateEvaluator(HttpClient http, TimeProvider time) : IGateEvaluator
{
    public Task<GateResult> EvaluateAsync(GateSpec gate, GateContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        return gate switch
        {
            HttpGate g => HttpGateCheck.RunAsync(http, g, time, ct),
            CommandGate g => CommandGateCheck.RunAsync(g, context.Host ?? "", time, ct),
            PrometheusGate g => PrometheusGateCheck.RunAsync(http, g, ct),
            BlackoutGate g => Task.FromResult(BlackoutGateCheck.Run(g, context)),
            _ => Task.FromResult(GateResult.Fail($"gate kind '{gate.Kind}' is not known to this orchestrator; upgrade it or remove the gate")),
        };
    }
}
