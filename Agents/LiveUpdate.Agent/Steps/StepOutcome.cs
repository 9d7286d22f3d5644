namespace LiveUpdate.Agent.Steps;

/// <summary>
/// What a step did, journaled with its completion so compensation and recovery know exactly what to
/// undo or finish (which CPU went offline, which VMs were suspended, where their state was saved).
/// <paramref name="ExternalTime"/> is the part spent inside libvirt, the kernel or the handover — the
/// rest of a step's duration is the agent's own overhead.
/// </summary>
public sealed record StepOutcome(IReadOnlyDictionary<string, string> Data, TimeSpan ExternalTime)
{
    public static StepOutcome Empty { get; } = new(new Dictionary<string, string>(), TimeSpan.Zero);

    public static StepOutcome With(TimeSpan external, params (string Key, string Value)[] data) =>
        new(data.ToDictionary(d => d.Key, d => d.Value), external);
}
