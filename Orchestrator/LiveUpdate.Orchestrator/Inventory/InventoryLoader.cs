using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>Loads an Ansible YAML inventory, reporting every error with its file:line:column.</summary>
public static class InventoryLoader
{
    public static LoadResult<HostInventory> LoadFile(string path, InventoryOptions options) =>
        LoadText(File.ReadAllText(path), path, options);

    public static LoadResult<HostInventory> LoadText(string text, string source, InventoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bag = new DiagnosticBag(source);
        var root = YamlDocumentReader.ReadRoot(text, bag);
        if (root is null)
        {
            return new(null, bag.Items);
        }

        var document = new InventoryDocumentReader(bag);
        document.Read(root);
        if (document.Hosts.Count == 0 && !bag.HasErrors)
        {
            bag.Error(root, "the inventory lists no hosts");
        }

        var resolver = new InventoryHostResolver(document.Groups, options, bag);
        var hosts = new List<InventoryHost>(document.Hosts.Count);
        foreach (var raw in document.Hosts)
        {
            if (resolver.Resolve(raw) is { } host)
            {
                hosts.Add(host);
            }
        }

        return bag.HasErrors ? new(null, bag.Items) : new(HostInventory.Create(hosts, source), bag.Items);
    }
}
