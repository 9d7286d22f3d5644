namespace LiveUpdate.Orchestrator.Planning;

/// <summary>A wave: its hosts in the order they are started, and how long the wave should take.</summary>
/// <param name="Index">1-based; wave 1 is the canary when the spec starts with a small wave.</param>
/// <param name="PredictedMakespan">First host started to last host finished, under the plan's limits.</param>
public sealed record PlannedWave(int Index, TimeSpan PredictedMakespan, IReadOnlyList<PlannedHost> Hosts);
