using LiveUpdate.Playbooks.Loading.Yaml;

namespace LiveUpdate.Playbooks.Loading;

/// <summary>Collects every problem found in one file, so the operator sees them all in one pass.</summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<PlaybookError> _errors = [];

    public string File { get; } = file;

    public bool HasErrors => _errors.Count > 0;

    public void Add(TextPosition position, string message) =>
        _errors.Add(new PlaybookError(At(position), message));

    public SourceLocation At(TextPosition position) => new(File, position.Line, position.Column);

    /// <summary>The errors in file order; errors at the same position keep the order they were found in.</summary>
    public IReadOnlyList<PlaybookError> ToList() =>
        [.. _errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column)];
}
