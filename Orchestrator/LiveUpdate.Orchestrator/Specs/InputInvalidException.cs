namespace LiveUpdate.Orchestrator.Specs;

/// <summary>
/// An inventory or rollout spec has errors. Every error is listed with its location; fix them all and run again.
/// </summary>
public sealed class InputInvalidException : Exception
{
    public InputInvalidException(IReadOnlyList<LoadDiagnostic> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<LoadDiagnostic> Errors { get; }

    private static string Describe(IReadOnlyList<LoadDiagnostic> errors) =>
        $"{errors.Count} error(s); fix each and load again:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors);
}
