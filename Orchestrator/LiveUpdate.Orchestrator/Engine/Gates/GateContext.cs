using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Orchestrator.Engine.Gates;

/// <summary>What a gate is evaluated for: a host (before or after its update) or a finished wave.</summary>
/// <param name="Host">The host, or null for an after-wave gate.</param>
/// <param name="Hosts">The rollout's hosts as stored, for gates that read measurements (blackout).</param>
public sealed record GateContext(string RolloutId, int Wave, string? Host, IReadOnlyList<HostRecord> Hosts);
