using System.Text.RegularExpressions;
using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Cli.Validation;

/// <summary>The outcome of checking one file: what kind of document it is and every error, located.</summary>
public sealed record ValidationReport(string File, string Kind, IReadOnlyList<string> Errors);

/// <summary>Recognises a YAML document by its `kind:` and checks it with that kind's loader.</summary>
public static partial class DocumentValidator
{
    public static ValidationReport Validate(string path, string displayName)
    {
        if (!File.Exists(path))
        {
            return new(displayName, "unknown", [$"{displayName}: no such file"]);
        }

        var text = File.ReadAllText(path);
        var kind = KindLine().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        switch (kind)
        {
            case "Playbook":
                var result = PlaybookLoader.LoadText(text, displayName);
                return new(displayName, "playbook", result.Errors.Select(e => e.ToString()).ToList());
            case "Rollout":
                var spec = RolloutSpecLoader.LoadText(text, displayName);
                return new(displayName, "rollout", spec.Errors.Select(d => d.ToString()).ToList());
            case null when InventoryRoot().IsMatch(text):
                var inventory = InventoryLoader.LoadText(text, displayName, InventoryOptions.Default);
                return new(displayName, "inventory", inventory.Errors.Select(d => d.ToString()).ToList());
            default:
                return new(displayName, "unknown", [$"{displayName}:1:1: not a LiveUpdate document: expected 'kind: Playbook', 'kind: Rollout', or an inventory starting with 'all:'"]);
        }
    }

    [GeneratedRegex(@"^kind:\s*([A-Za-z]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex KindLine();

    [GeneratedRegex(@"^all:\s*$", RegexOptions.Multiline)]
    private static partial Regex InventoryRoot();
}
