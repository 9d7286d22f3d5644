namespace LiveUpdate.Playbooks;

/// <summary>
/// Undoes one step that ran before the point of no return. Compensations always run in the old kernel,
/// in reverse step order, when the update is abandoned before the handover.
/// </summary>
public sealed class PlaybookCompensation
{
    internal PlaybookCompensation(
        string @for,
        StepKindDefinition definition,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string> parameters,
        SourceLocation location)
    {
        For = @for;
        Definition = definition;
        Timeout = timeout;
        Parameters = parameters;
        Location = location;
    }

    /// <summary>The id of the step this compensation undoes.</summary>
    public string For { get; }

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

    public override string ToString() => $"{Kind} for {For}";

    private string Owner => $"compensation for '{For}' ({Kind})";
}
