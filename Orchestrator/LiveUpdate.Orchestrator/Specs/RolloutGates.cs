namespace LiveUpdate.Orchestrator.Specs;

/// <summary>The gates of a rollout, by the moment they run.</summary>
public sealed record RolloutGates(
    IReadOnlyList<GateSpec> BeforeHost,
    IReadOnlyList<GateSpec> AfterHost,
    IReadOnlyList<GateSpec> AfterWave)
{
    public static RolloutGates None { get; } = new([], [], []);
}
