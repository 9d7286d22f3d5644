namespace LiveUpdate.Playbooks;

/// <summary>A playbook file that cannot be used; the message lists every error as file:line:column.</summary>
public sealed class PlaybookInvalidException : Exception
{
    public PlaybookInvalidException(IReadOnlyList<PlaybookError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public PlaybookInvalidException()
        : this([])
    {
    }

    public PlaybookInvalidException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PlaybookInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<PlaybookError> Errors { get; }

    private static string Describe(IReadOnlyList<PlaybookError> errors) =>
        "The playbook is invalid; fix these errors and load it again:"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
