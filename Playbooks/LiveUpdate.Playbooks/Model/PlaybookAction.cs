namespace LiveUpdate.Playbooks;

/// <summary>
/// What steps and compensations share: a kind validated against <see cref="StepKindCatalog"/>, a
/// timeout, and the kind's parameters with defaults filled in.
/// </summary>
public abstract class PlaybookAction
{
    private protected PlaybookAction(StepKindDefinition definition, TimeSpan timeout, IReadOnlyDictionary<string, string> parameters, SourceLocation location)
    {
        Definition = definition;
        Timeout = timeout;
        Parameters = parameters;
        Location = location;
    }

    /// <summary>The kind, as written in the file (one of <see cref="StepKinds"/>).</summary>
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

    /// <summary>How error messages name this action.</summary>
    private protected abstract string Owner { get; }
}
