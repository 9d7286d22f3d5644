namespace LiveUpdate.Playbooks;

/// <summary>One problem in a playbook file, printed as <c>file:line:column: message</c>.</summary>
public sealed record PlaybookError(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
