namespace LiveUpdate.Playbooks;

/// <summary>
/// Undoes one step that ran before the point of no return. Compensations always run in the old kernel,
/// in reverse step order, when the update is abandoned before the handover.
/// </summary>
public sealed class PlaybookCompensation : PlaybookAction
{
    internal PlaybookCompensation(string @for, StepKindDefinition definition, TimeSpan timeout, IReadOnlyDictionary<string, string> parameters, SourceLocation location)
        : base(definition, timeout, parameters, location)
    {
        For = @for;
    }

    /// <summary>The id of the step this compensation undoes.</summary>
    public string For { get; }

    public override string ToString() => $"{Kind} for {For}";

    private protected override string Owner => $"compensation for '{For}' ({Kind})";
}
