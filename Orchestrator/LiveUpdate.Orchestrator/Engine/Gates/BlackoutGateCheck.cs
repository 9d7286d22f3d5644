using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Engine.Gates;

/// <summary>The 99th percentile (nearest rank) of the VM blackouts measured in the wave, or of the one host, against the budget.</summary>
internal static class BlackoutGateCheck
{
    public static GateResult Run(BlackoutGate gate, GateContext context)
    {
        var measured = context.Hosts
            .Where(h => context.Host is null ? h.Wave == context.Wave : h.Host == context.Host)
            .Where(h => h.Blackout is not null)
            .Select(h => h.Blackout!.Value)
            .Order()
            .ToList();
        if (measured.Count == 0)
        {
            return GateResult.Pass("no blackout measured yet (no host of the scope went through its blackout)");
        }

        var rank = (int)Math.Ceiling(0.99 * measured.Count);
        var p99 = measured[Math.Clamp(rank - 1, 0, measured.Count - 1)];
        return p99 <= gate.P99
            ? GateResult.Pass($"blackout p99 {p99.TotalMilliseconds:0}ms <= {gate.P99.TotalMilliseconds:0}ms over {measured.Count} hosts")
            : GateResult.Fail($"blackout p99 {p99.TotalMilliseconds:0}ms > {gate.P99.TotalMilliseconds:0}ms over {measured.Count} hosts");
    }
}
