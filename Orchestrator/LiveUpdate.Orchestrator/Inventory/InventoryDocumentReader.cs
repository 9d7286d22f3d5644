using YamlDotNet.RepresentationModel;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>
/// Walks Ansible's YAML inventory (<c>all:</c> with <c>hosts</c>, <c>children</c> and <c>vars</c> at any level)
/// into raw groups and hosts, keeping the location of every node. Top-level groups other than <c>all</c> are
/// children of <c>all</c>, as in Ansible.
/// </summary>
internal sealed class InventoryDocumentReader(DiagnosticBag bag)
{
    public const string AllGroup = "all";
    private static readonly string[] GroupKeys = ["hosts", "children", "vars"];

    public Dictionary<string, RawGroup> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Hosts in order of first appearance, which is the inventory order.</summary>
    public List<RawHost> Hosts { get; } = [];

    private readonly Dictionary<string, RawHost> _hostsByName = new(StringComparer.Ordinal);

    public void Read(YamlNode root)
    {
        if (root is not YamlMappingNode mapping)
        {
            bag.Error(root, "an inventory must be a mapping of groups, starting with 'all:' (Ansible YAML inventory format)");
            return;
        }

        foreach (var (key, body) in mapping.Children)
        {
            var name = YamlDocumentReader.ScalarText(key) ?? string.Empty;
            ReadGroup(name, key, body, parent: name == AllGroup ? null : AllGroup);
        }
    }

    private void ReadGroup(string name, YamlNode key, YamlNode body, string? parent)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            bag.Error(key, "a group name must be a non-empty text value");
            return;
        }

        var group = GetGroup(name, key);
        if (parent is not null && !group.Parents.Contains(parent))
        {
            group.Parents.Add(parent);
            Groups[parent].Children.Add(name);
        }

        if (YamlDocumentReader.IsNull(body))
        {
            return;
        }

        if (body is not YamlMappingNode mapping)
        {
            bag.Error(body, $"group '{name}' must be a mapping with hosts, children and/or vars");
            return;
        }

        foreach (var (sectionKey, section) in mapping.Children)
        {
            var sectionName = YamlDocumentReader.ScalarText(sectionKey);
            if (sectionName is null || !GroupKeys.Contains(sectionName))
            {
                bag.Error(sectionKey, $"unknown key '{sectionName ?? "?"}' in group '{name}' (expected hosts, children or vars)");
                continue;
            }

            if (YamlDocumentReader.IsNull(section))
            {
                continue;
            }

            if (section is not YamlMappingNode entries)
            {
                bag.Error(section, $"'{sectionName}' of group '{name}' must be a mapping");
                continue;
            }

            switch (sectionName)
            {
                case "hosts":
                    ReadHosts(group, entries);
                    break;
                case "children":
                    foreach (var (childKey, childBody) in entries.Children)
                    {
                        ReadGroup(YamlDocumentReader.ScalarText(childKey) ?? string.Empty, childKey, childBody, name);
                    }

                    break;
                default:
                    ReadVars(entries, group.Vars, conflictsWith: null);
                    break;
            }
        }
    }

    private void ReadHosts(RawGroup group, YamlMappingNode entries)
    {
        foreach (var (key, body) in entries.Children)
        {
            var name = YamlDocumentReader.ScalarText(key);
            if (string.IsNullOrWhiteSpace(name))
            {
                bag.Error(key, $"a host name in group '{group.Name}' must be a non-empty text value");
                continue;
            }

            if (name.Contains('['))
            {
                bag.Error(key, $"host '{name}': host ranges like hv-[01:10] are not supported; list each host");
                continue;
            }

            if (!_hostsByName.TryGetValue(name, out var host))
            {
                host = new RawHost(name, key.Start);
                _hostsByName.Add(name, host);
                Hosts.Add(host);
            }

            if (!host.Groups.Contains(group.Name))
            {
                host.Groups.Add(group.Name);
            }

            if (YamlDocumentReader.IsNull(body))
            {
                continue;
            }

            if (body is not YamlMappingNode vars)
            {
                bag.Error(body, $"host '{name}' must be followed by a mapping of its variables (or nothing)");
                continue;
            }

            ReadVars(vars, host.Vars, conflictsWith: name);
        }
    }

    private void ReadVars(YamlMappingNode vars, Dictionary<string, LocatedValue> into, string? conflictsWith)
    {
        foreach (var (key, value) in vars.Children)
        {
            var name = YamlDocumentReader.ScalarText(key);
            if (string.IsNullOrWhiteSpace(name))
            {
                bag.Error(key, "a variable name must be a non-empty text value");
                continue;
            }

            var located = new LocatedValue(VariableText.Render(value), value.Start);
            if (conflictsWith is not null && into.TryGetValue(name, out var earlier) && earlier.Text != located.Text)
            {
                // The same host listed twice must not quietly take whichever value came last.
                bag.Error(value, $"host '{conflictsWith}' is listed again with a different value for '{name}': "
                    + $"'{located.Text}' here, '{earlier.Text}' at line {earlier.At.Line}, column {earlier.At.Column}");
                continue;
            }

            into[name] = located;
        }
    }

    private RawGroup GetGroup(string name, YamlNode key)
    {
        if (!Groups.TryGetValue(AllGroup, out _) && name != AllGroup)
        {
            Groups[AllGroup] = new RawGroup(AllGroup, key.Start);
        }

        if (!Groups.TryGetValue(name, out var group))
        {
            group = new RawGroup(name, key.Start);
            Groups.Add(name, group);
        }

        return group;
    }
}
