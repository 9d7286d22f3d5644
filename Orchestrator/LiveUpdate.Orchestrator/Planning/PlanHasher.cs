using System.Security.Cryptography;
using System.Text.Json;
using LiveUpdate.Orchestrator.Inventory;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// Content hashes for plans. The plan hash is SHA-256 over the compact, source-generated JSON of the plan with an
/// empty <see cref="RolloutPlan.ContentHash"/>; that JSON carries the input hashes first and then the plan body,
/// so a change to any input or any decision changes the hash.
/// </summary>
public static class PlanHasher
{
    public static string Compute(RolloutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new HashingStream(hash))
        {
            JsonSerializer.Serialize(stream, plan with { ContentHash = string.Empty }, PlanJsonContext.Default.RolloutPlan);
        }

        return Format(hash);
    }

    /// <summary>True when the plan's recorded hash matches its content, i.e. it was not edited after planning.</summary>
    public static bool Verify(RolloutPlan plan) => string.Equals(Compute(plan), plan.ContentHash, StringComparison.Ordinal);

    /// <summary>
    /// Hash of the facts of the inventory's hosts, taken in inventory order so the dictionary's own order never
    /// matters; facts about hosts outside the inventory do not influence the plan and are left out.
    /// </summary>
    internal static string HashFacts(HostInventory inventory, IReadOnlyDictionary<string, HostFacts> facts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new HashingStream(hash))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var host in inventory.Hosts)
            {
                if (facts.TryGetValue(host.Name, out var hostFacts))
                {
                    JsonSerializer.Serialize(json, hostFacts, PlanJsonContext.Default.HostFacts);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
        }

        return Format(hash);
    }

    private static string Format(IncrementalHash hash) => "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
}
