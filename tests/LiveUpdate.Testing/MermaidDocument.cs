namespace LiveUpdate.Testing;

/// <summary>Wraps a generated Mermaid diagram in a Markdown page that renders where the docs are read.</summary>
public static class MermaidDocument
{
    public static string Wrap(string title, string generatedFrom, string mermaid) =>
        $"# {title}\n\nGenerated from `{generatedFrom}` by `make generated`; do not edit by hand.\n\n```mermaid\n{mermaid.ReplaceLineEndings("\n").TrimEnd()}\n```\n";
}
