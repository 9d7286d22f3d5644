using LiveUpdate.Kernel.Bundles;
using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Specs;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Cli.Orchestration;

/// <summary>
/// Everything a plan is made from, loaded and checked: the spec, the inventory it applies to, the
/// playbook it names and the bundle it installs. Any error — with its file:line:column — stops here,
/// before any host is asked anything.
/// </summary>
public sealed record RolloutInputs(RolloutSpec Spec, string SpecText, HostInventory Inventory, Playbook Playbook, string PlaybookText, Bundle Bundle)
{
    public static RolloutInputs Load(string specPath, string inventoryPath, string? bundleTrustKey)
    {
        var errors = new List<string>();
        var spec = RolloutSpecLoader.LoadFile(specPath);
        errors.AddRange(spec.Errors.Select(e => e.ToString()));
        if (spec.Value is null)
        {
            throw new RolloutInputException(errors);
        }

        var inventory = InventoryLoader.LoadFile(inventoryPath, InventoryOptions.ForSpec(spec.Value));
        errors.AddRange(inventory.Errors.Select(e => e.ToString()));

        var specDirectory = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
        var playbookPath = ShippedPlaybooks.Names.Contains(spec.Value.Playbook)
            ? ShippedPlaybooks.PathOf(spec.Value.Playbook)
            : Path.GetFullPath(spec.Value.Playbook, specDirectory);
        var playbook = File.Exists(playbookPath)
            ? PlaybookLoader.LoadFile(playbookPath)
            : null;
        if (playbook is null)
        {
            errors.Add($"{spec.Value.Source}: playbook '{spec.Value.Playbook}' is neither a shipped playbook ({string.Join(", ", ShippedPlaybooks.Names)}) nor a file");
        }
        else
        {
            errors.AddRange(playbook.Errors.Select(e => e.ToString()));
        }

        Bundle? bundle = null;
        try
        {
            bundle = Bundle.Open(Path.GetFullPath(spec.Value.Bundle, specDirectory), bundleTrustKey);
        }
        catch (BundleVerificationException e)
        {
            errors.Add($"{spec.Value.Source}: bundle '{spec.Value.Bundle}' refused: {e.Message}");
        }

        if (errors.Count > 0 || inventory.Value is null || playbook?.Playbook is null || bundle is null)
        {
            throw new RolloutInputException(errors);
        }

        return new RolloutInputs(spec.Value, File.ReadAllText(specPath), inventory.Value, playbook.Playbook, File.ReadAllText(playbookPath), bundle);
    }
}
