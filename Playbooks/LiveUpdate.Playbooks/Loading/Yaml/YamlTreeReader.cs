using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LiveUpdate.Playbooks.Loading.Yaml;

/// <summary>Builds a <see cref="YamlNode"/> tree from YamlDotNet's parser events.</summary>
internal static partial class YamlTreeReader
{
    /// <summary>The document's root node, or null after reporting why there is none.</summary>
    public static YamlNode? Read(string text, ErrorSink errors)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                errors.Add(new TextPosition(1, 1), "the file holds no YAML document; a playbook starts with 'apiVersion: liveupdate.dev/v1'");
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, errors);
            parser.Consume<DocumentEnd>();
            if (parser.TryConsume<DocumentStart>(out var second))
            {
                errors.Add(PositionOf(second.Start), "a playbook file holds one YAML document; remove this second document");
            }

            return root;
        }
        catch (YamlException ex)
        {
            errors.Add(PositionOf(ex.Start), $"YAML syntax error: {WithoutMarks(ex.Message)}");
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, ErrorSink errors)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return ToScalar(scalar);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, errors));
            }

            return new YamlSequence(PositionOf(sequenceStart.Start), items);
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            return ReadMapping(parser, errors, PositionOf(mappingStart.Start));
        }

        var alias = parser.Consume<AnchorAlias>();
        var position = PositionOf(alias.Start);
        errors.Add(position, $"aliases (*{alias.Value}) are not supported in playbooks; write the value out in full");
        return new YamlScalar(position, "", IsPlain: true);
    }

    private static YamlMapping ReadMapping(IParser parser, ErrorSink errors, TextPosition position)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser, errors);
            var value = ReadNode(parser, errors);
            if (key is not YamlScalar scalarKey)
            {
                errors.Add(key.Position, "keys must be plain text, not a list or a mapping");
                continue;
            }

            var first = entries.FirstOrDefault(e => e.Key.Value == scalarKey.Value).Key;
            if (first is not null)
            {
                errors.Add(scalarKey.Position, $"duplicate key '{scalarKey.Value}' (first given at line {first.Position.Line})");
                continue;
            }

            entries.Add(new(scalarKey, value));
        }

        return new YamlMapping(position, entries);
    }

    private static YamlScalar ToScalar(Scalar scalar) =>
        new(PositionOf(scalar.Start), scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);

    private static TextPosition PositionOf(Mark mark) =>
        new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the
    // position is already in front of the error, so only the explanation is kept.
    private static string WithoutMarks(string message) => MarkPrefix().Replace(message, "");

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
