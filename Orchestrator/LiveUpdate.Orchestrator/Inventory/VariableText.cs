using System.Text;
using YamlDotNet.RepresentationModel;

namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>
/// Renders a variable's YAML value as one stable text: scalars as written, lists and maps in a compact flow form,
/// so structured variables can still be compared and hashed.
/// </summary>
internal static class VariableText
{
    public static string Render(YamlNode node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    private static void Append(StringBuilder text, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                text.Append(scalar.Value);
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Append(text, sequence.Children[i]);
                }

                text.Append(']');
                break;
            case YamlMappingNode mapping:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in mapping.Children)
                {
                    text.Append(first ? string.Empty : ", ");
                    first = false;
                    Append(text, key);
                    text.Append(": ");
                    Append(text, value);
                }

                text.Append('}');
                break;
            default:
                break;
        }
    }
}
