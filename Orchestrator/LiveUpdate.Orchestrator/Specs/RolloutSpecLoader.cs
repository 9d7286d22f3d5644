using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>Loads a rollout spec (<c>kind: Rollout</c>), reporting every error with its file:line:column.</summary>
public static class RolloutSpecLoader
{
    public const string ApiVersion = "liveupdate.dev/v1";

    private static readonly string[] TopLevel =
    [
        "apiVersion", "kind", "name", "playbook", "bundle", "waves", "maxInCriticalSection", "maxPerFailureDomain",
        "failureBudget", "settle", "order", "seed", "failureDomainGroupPrefix", "windows", "gates",
    ];

    public static LoadResult<RolloutSpec> LoadFile(string path) => LoadText(File.ReadAllText(path), path);

    public static LoadResult<RolloutSpec> LoadText(string text, string source)
    {
        var bag = new DiagnosticBag(source);
        var root = YamlDocumentReader.ReadRoot(text, bag);
        if (root is null)
        {
            return new(null, bag.Items);
        }

        if (root is not YamlMappingNode mapping)
        {
            bag.Error(root, "a rollout spec must be a mapping starting with 'apiVersion: liveupdate.dev/v1' and 'kind: Rollout'");
            return new(null, bag.Items);
        }

        var spec = Read(mapping, bag, source, Hash(text));
        return new(bag.HasErrors ? null : spec, bag.Items);
    }

    private static RolloutSpec Read(YamlMappingNode mapping, DiagnosticBag bag, string source, string hash)
    {
        var f = new YamlFields(mapping, bag, "the rollout spec", TopLevel);
        Expect(f, "apiVersion", ApiVersion, bag);
        Expect(f, "kind", "Rollout", bag);
        var name = f.String("name", required: true) ?? string.Empty;
        var playbook = f.String("playbook", required: true) ?? string.Empty;
        var bundle = f.String("bundle", required: true) ?? string.Empty;
        var waves = SpecWaveReader.ReadWaves(f.Sequence("waves"), f.Node("waves") ?? mapping, bag);
        var maxCritical = f.Int("maxInCriticalSection", 1, 1, int.MaxValue);
        var maxPerDomain = f.Int("maxPerFailureDomain", 1, 1, int.MaxValue);
        var budget = SpecWaveReader.ReadFailureBudget(f.Node("failureBudget"), bag);
        var settle = f.Duration("settle", TimeSpan.Zero);
        var (order, seed) = ReadOrder(f, bag);
        var prefix = f.String("failureDomainGroupPrefix", required: false);
        var windows = SpecWindowReader.Read(f.Sequence("windows"), bag);
        var gates = SpecGateReader.Read(f.Node("gates"), bag);
        return new RolloutSpec(
            name, playbook, bundle, waves, maxCritical, maxPerDomain, budget, settle, order, seed, prefix, windows, gates, source, hash);
    }

    private static void Expect(YamlFields f, string key, string expected, DiagnosticBag bag)
    {
        var value = f.String(key, required: true);
        if (value is not null && value != expected)
        {
            bag.Error(f.Node(key)!, $"'{key}' must be '{expected}', got '{value}'");
        }
    }

    private static (RolloutOrder Order, ulong? Seed) ReadOrder(YamlFields f, DiagnosticBag bag)
    {
        var seedText = f.String("seed", required: false);
        ulong? seed = null;
        if (seedText is not null)
        {
            if (ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                seed = parsed;
            }
            else
            {
                bag.Error(f.Node("seed")!, $"'seed' must be a non-negative whole number, got '{seedText}'");
            }
        }

        var orderText = f.String("order", required: false) ?? "inventory";
        RolloutOrder? order = orderText switch
        {
            "inventory" => RolloutOrder.Inventory,
            "random" => RolloutOrder.Random,
            "interleave-domains" => RolloutOrder.InterleaveDomains,
            _ => null,
        };
        if (order is null)
        {
            bag.Error(f.Node("order")!, $"unknown order '{orderText}' (expected inventory, random or interleave-domains)");
            return (RolloutOrder.Inventory, seed);
        }

        if (order == RolloutOrder.Random && seedText is null)
        {
            // Without a seed the dry run and the apply would shuffle differently, and the plan would not be the plan.
            bag.Error(f.Node("order")!, "order 'random' needs 'seed:' so the dry run and the rollout pick the same order");
        }
        else if (order != RolloutOrder.Random && seedText is not null)
        {
            bag.Warning(f.Node("seed")!, $"'seed' is ignored unless order is 'random' (order is '{orderText}')");
        }

        return (order.Value, seed);
    }

    private static string Hash(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
