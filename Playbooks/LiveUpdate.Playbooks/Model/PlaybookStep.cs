namespace LiveUpdate.Playbooks;

/// <summary>One step of a playbook, already validated against its kind in <see cref="StepKindCatalog"/>.</summary>
public sealed class PlaybookStep : PlaybookAction
{
    internal PlaybookStep(string id, StepKindDefinition definition, TimeSpan timeout, IReadOnlyDictionary<string, string> parameters, SourceLocation location)
        : base(definition, timeout, parameters, location)
    {
        Id = id;
    }

    public string Id { get; }

    public override string ToString() => $"{Id} ({Kind})";

    private protected override string Owner => $"step '{Id}' ({Kind})";
}
