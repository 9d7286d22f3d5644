using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>Reads <c>gates</c>: each entry is a one-key mapping whose key names the gate kind.</summary>
internal static class SpecGateReader
{
    private static readonly string[] Moments = ["beforeHost", "afterHost", "afterWave"];
    private static readonly string[] Kinds = ["http", "command", "prometheus", "blackout"];

    public static RolloutGates Read(YamlNode? node, DiagnosticBag bag)
    {
        if (node is null || YamlDocumentReader.IsNull(node))
        {
            return RolloutGates.None;
        }

        if (node is not YamlMappingNode mapping)
        {
            bag.Error(node, "'gates' must be a mapping with beforeHost, afterHost and/or afterWave");
            return RolloutGates.None;
        }

        var fields = new YamlFields(mapping, bag, "gates", Moments);
        return new RolloutGates(
            ReadList(fields.Sequence("beforeHost"), bag),
            ReadList(fields.Sequence("afterHost"), bag),
            ReadList(fields.Sequence("afterWave"), bag));
    }

    private static List<GateSpec> ReadList(YamlSequenceNode? sequence, DiagnosticBag bag)
    {
        var gates = new List<GateSpec>();
        foreach (var entry in sequence?.Children ?? [])
        {
            if (entry is not YamlMappingNode { Children.Count: 1 } one)
            {
                bag.Error(entry, $"each gate must be a mapping with exactly one gate kind ({string.Join(", ", Kinds)})");
                continue;
            }

            var (key, body) = one.Children.First();
            var kind = YamlDocumentReader.ScalarText(key) ?? string.Empty;
            if (!Kinds.Contains(kind))
            {
                bag.Error(key, $"unknown gate type '{kind}' (expected one of: {string.Join(", ", Kinds)})");
                continue;
            }

            if (body is not YamlMappingNode settings)
            {
                bag.Error(body, $"gate '{kind}' needs its settings as a mapping");
                continue;
            }

            if (ReadGate(kind, settings, bag) is { } gate)
            {
                gates.Add(gate);
            }
        }

        return gates;
    }

    private static GateSpec? ReadGate(string kind, YamlMappingNode settings, DiagnosticBag bag)
    {
        var errorsBefore = bag.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
        GateSpec? gate = kind switch
        {
            "http" => ReadHttp(new YamlFields(settings, bag, "http gate", ["url", "expectStatus", "timeout"])),
            "command" => ReadCommand(new YamlFields(settings, bag, "command gate", ["run", "timeout"])),
            "prometheus" => ReadPrometheus(new YamlFields(settings, bag, "prometheus gate", ["url", "query", "max"]), bag),
            _ => ReadBlackout(new YamlFields(settings, bag, "blackout gate", ["p99"])),
        };
        return bag.Items.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore ? null : gate;
    }

    private static HttpGate? ReadHttp(YamlFields f)
    {
        var url = f.Url("url");
        var status = f.Int("expectStatus", 200, 100, 599);
        var timeout = f.Duration("timeout", TimeSpan.FromSeconds(5));
        return url is null ? null : new HttpGate(url, status, timeout);
    }

    private static CommandGate? ReadCommand(YamlFields f)
    {
        var run = f.String("run", required: true);
        var timeout = f.Duration("timeout", TimeSpan.FromSeconds(30));
        return run is null ? null : new CommandGate(run, timeout);
    }

    private static PrometheusGate? ReadPrometheus(YamlFields f, DiagnosticBag bag)
    {
        var url = f.Url("url");
        var query = f.String("query", required: true);
        var maxText = f.String("max", required: true);
        decimal max = 0;
        if (maxText is not null && !decimal.TryParse(maxText, NumberStyles.Float, CultureInfo.InvariantCulture, out max))
        {
            bag.Error(f.Node("max")!, $"'max' must be a number, got '{maxText}'");
        }

        return url is null || query is null ? null : new PrometheusGate(url, query, max);
    }

    private static BlackoutGate ReadBlackout(YamlFields f) => new(f.Duration("p99", TimeSpan.Zero, required: true));
}
