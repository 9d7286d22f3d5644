namespace LiveUpdate.Orchestrator.Specs;

/// <summary>
/// What a loader returns: the value only when there are no errors (never half-valid), and every diagnostic at once.
/// </summary>
public sealed record LoadResult<T>(T? Value, IReadOnlyList<LoadDiagnostic> Diagnostics)
    where T : class
{
    public IReadOnlyList<LoadDiagnostic> Errors =>
        Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public IReadOnlyList<LoadDiagnostic> Warnings =>
        Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();

    public bool Succeeded => Value is not null;

    /// <summary>The value, or an <see cref="InputInvalidException"/> listing every error.</summary>
    public T GetValueOrThrow() => Value ?? throw new InputInvalidException(Errors);
}
