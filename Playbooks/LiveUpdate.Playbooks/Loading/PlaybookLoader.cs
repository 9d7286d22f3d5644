using LiveUpdate.Playbooks.Loading;
using LiveUpdate.Playbooks.Loading.Yaml;

namespace LiveUpdate.Playbooks;

/// <summary>
/// Loads playbook YAML into a <see cref="Playbook"/>, reporting every problem with its file:line:column.
/// Nothing is returned half-valid: with any error, the result holds no playbook.
/// </summary>
public static class PlaybookLoader
{
    public static PlaybookLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var location = new SourceLocation(path, 1, 1);
            return new PlaybookLoadResult(null, [new PlaybookError(location, $"cannot read the playbook: {ex.Message}")]);
        }

        return LoadText(text, path);
    }

    /// <param name="text">The YAML text.</param>
    /// <param name="sourceName">The name errors and <see cref="Playbook.Source"/> use, normally the file path.</param>
    public static PlaybookLoadResult LoadText(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = new ErrorSink(sourceName);
        var root = YamlTreeReader.Read(text, errors);
        var draft = root is null ? null : PlaybookDocumentReader.Read(root, errors);
        if (draft is not null)
        {
            PlaybookRules.Check(draft, errors);
        }

        if (draft is null || errors.HasErrors)
        {
            return new PlaybookLoadResult(null, errors.ToList());
        }

        return new PlaybookLoadResult(Build(draft, errors, sourceName, text), []);
    }

    // Only called without errors, so every field the readers could leave null is set.
    private static Playbook Build(PlaybookDraft draft, ErrorSink errors, string sourceName, string text) =>
        new(
            draft.Name!,
            draft.Description,
            draft.Handover!.Value,
            draft.Preservation!.Value,
            [.. draft.Steps.Select(s => new PlaybookStep(
                s.Id!, s.Body.Definition!, s.Body.Timeout!.Value, s.Body.Parameters, errors.At(s.Position)))],
            draft.PointOfNoReturn!.Value,
            [.. draft.Compensations.Select(c => new PlaybookCompensation(
                c.For!, c.Body.Definition!, c.Body.Timeout!.Value, c.Body.Parameters, errors.At(c.Position)))],
            sourceName,
            text);
}
