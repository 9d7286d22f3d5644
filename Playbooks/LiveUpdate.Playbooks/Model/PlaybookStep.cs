namespace LiveUpdate.Playbooks;

/// <summary>One step of a playbook, already validated against its kind in <see cref="StepKindCatalog"/>.</summary>
public sealed class PlaybookStep
{
    internal PlaybookStep(
        string id,
        StepKindDefinition definition,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string> parameters,
        SourceLocation location)
    {
        Id = id;
        Definition = definition;
        Timeout = timeout;
        Parameters = parameters;
        Location = location;
    }

    public string Id { get; }

    /// <summary>The step kind, as written in the file (one of <see cref="StepKinds"/>).</summary>
    public string Kind => Definition.Name;

    public StepKindDefinition Definition { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Every parameter of the kind, defaults filled in, values in canonical form.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public SourceLocation Location { get; }

    public string GetString(string name) => StepParameterValues.GetString(Parameters, Owner, name);

    public int GetInt(string name) => StepParameterValues.GetInt(Parameters, Owner, name);

    public bool GetBool(string name) => StepParameterValues.GetBool(Parameters, Owner, name);

    public TimeSpan GetDuration(string name) => StepParameterValues.GetDuration(Parameters, Owner, name);

    public override string ToString() => $"{Id} ({Kind})";

    private string Owner => $"step '{Id}' ({Kind})";
}
