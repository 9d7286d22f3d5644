using YamlDotNet.Core;

namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>A variable value and where it was written, so a bad value can be reported at its own line.</summary>
internal readonly record struct LocatedValue(string Text, Mark At);

/// <summary>A group as declared, before inheritance. A group may be declared under several parents; declarations merge.</summary>
internal sealed class RawGroup(string name, Mark at)
{
    public string Name { get; } = name;

    public Mark At { get; } = at;

    public List<string> Parents { get; } = [];

    public List<string> Children { get; } = [];

    public Dictionary<string, LocatedValue> Vars { get; } = new(StringComparer.Ordinal);
}

/// <summary>A host as declared, before inheritance: its direct groups and the union of its host vars.</summary>
internal sealed class RawHost(string name, Mark at)
{
    public string Name { get; } = name;

    public Mark At { get; } = at;

    public List<string> Groups { get; } = [];

    public Dictionary<string, LocatedValue> Vars { get; } = new(StringComparer.Ordinal);
}
