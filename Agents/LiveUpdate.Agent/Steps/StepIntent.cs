namespace LiveUpdate.Agent.Steps;

/// <summary>
/// What a step is about to act on (the VMs it will suspend, the image files it will write, the CPU it
/// will take offline), decided before it acts and journaled durably in its StepStarted record: a crash
/// inside the step still leaves compensation and recovery the exact list of what may have been touched.
/// </summary>
/// <param name="Message">How the start reads to an operator, e.g. "suspending 8 VMs".</param>
public sealed record StepIntent(string? Message, IReadOnlyDictionary<string, string> Data)
{
    public static StepIntent None { get; } = new(null, new Dictionary<string, string>());

    public static StepIntent Of(string message, params (string Key, string Value)[] data) =>
        new(message, data.ToDictionary(d => d.Key, d => d.Value));
}
