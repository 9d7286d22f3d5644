using System.Security.Cryptography;
using System.Text.Json;

namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>The hosts of a fleet in inventory order.</summary>
/// <param name="Source">Where the inventory came from (a file name), for messages.</param>
/// <param name="ContentHash">
/// SHA-256 over the resolved hosts, not the file bytes: reformatting or commenting the file does not make a plan
/// stale, but any change to an endpoint, certificate name, failure domain, group or variable does.
/// </param>
public sealed record HostInventory(IReadOnlyList<InventoryHost> Hosts, string Source, string ContentHash)
{
    /// <summary>Builds an inventory from resolved hosts and computes its content hash.</summary>
    public static HostInventory Create(IReadOnlyList<InventoryHost> hosts, string source) =>
        new(hosts, source, ComputeHash(hosts));

    public static string ComputeHash(IReadOnlyList<InventoryHost> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var host in hosts)
            {
                json.WriteStartArray();
                json.WriteStringValue(host.Name);
                json.WriteStringValue(host.Endpoint.OriginalString);
                json.WriteStringValue(host.CertificateName);
                json.WriteStringValue(host.FailureDomain);
                json.WriteStartArray();
                foreach (var group in host.Groups)
                {
                    json.WriteStringValue(group);
                }

                json.WriteEndArray();
                json.WriteStartObject();
                foreach (var (key, value) in host.Vars.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        hash.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
