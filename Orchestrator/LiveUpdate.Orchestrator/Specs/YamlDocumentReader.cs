using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>Parses YAML text into a located node tree, turning syntax errors into diagnostics instead of exceptions.</summary>
internal static class YamlDocumentReader
{
    /// <summary>The root node of the single document, or null (with a diagnostic) when the text is not usable YAML.</summary>
    public static YamlNode? ReadRoot(string text, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            // The representation model reports duplicate keys and syntax errors alike; both point at a node.
            diagnostics.Error(ex.Start, $"YAML error: {ex.Message}");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(Mark.Empty, "the file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(stream.Documents[1].RootNode, "expected a single YAML document, found several");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>The scalar text of a key or value; null for mappings and sequences.</summary>
    public static string? ScalarText(YamlNode node) => node is YamlScalarNode s ? s.Value : null;

    /// <summary>True for an absent value: an explicit <c>~</c>/<c>null</c> or nothing after the colon.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s
        && (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");
}
