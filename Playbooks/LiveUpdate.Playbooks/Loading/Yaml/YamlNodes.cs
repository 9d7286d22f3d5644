namespace LiveUpdate.Playbooks.Loading.Yaml;

/// <summary>1-based position of a node's first character.</summary>
internal readonly record struct TextPosition(int Line, int Column);

/// <summary>
/// A minimal YAML tree that keeps every node's position. YamlDotNet's representation model would do,
/// except that it throws on duplicate keys and resolves aliases silently, and both need to be reported.
/// </summary>
internal abstract record YamlNode(TextPosition Position)
{
    /// <summary>How the node is described in messages: "a mapping", "a list", "the text 'x'".</summary>
    public abstract string Describe();
}

internal sealed record YamlScalar(TextPosition Position, string Value, bool IsPlain) : YamlNode(Position)
{
    /// <summary>An empty value, <c>~</c> or <c>null</c> written without quotes: YAML's null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "no value" : $"'{Value}'";
}

internal sealed record YamlSequence(TextPosition Position, IReadOnlyList<YamlNode> Items) : YamlNode(Position)
{
    public override string Describe() => "a list";
}

internal sealed record YamlMapping(TextPosition Position, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries)
    : YamlNode(Position)
{
    public YamlNode? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    public override string Describe() => "a mapping";
}
