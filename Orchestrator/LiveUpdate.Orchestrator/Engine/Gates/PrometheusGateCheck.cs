using System.Globalization;
using System.Text.Json;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Engine.Gates;

/// <summary>
/// Runs a Prometheus instant query (<c>/api/v1/query</c>); passes when the query succeeds, returns at least one
/// sample, and every sample is at most the gate's maximum. No sample fails: a query that sees nothing proves nothing.
/// </summary>
internal static class PrometheusGateCheck
{
    public static async Task<GateResult> RunAsync(HttpClient http, PrometheusGate gate, CancellationToken ct)
    {
        var url = new Uri(gate.Url, "api/v1/query?query=" + Uri.EscapeDataString(gate.Query));
        try
        {
            using var response = await http.GetAsync(url, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            var root = json.RootElement;
            if (!response.IsSuccessStatusCode || root.GetProperty("status").GetString() != "success")
            {
                return GateResult.Fail($"query '{gate.Query}' failed: HTTP {(int)response.StatusCode} {root.GetRawText()}");
            }

            var samples = Samples(root.GetProperty("data")).ToList();
            if (samples.Count == 0)
            {
                return GateResult.Fail($"query '{gate.Query}' returned no sample");
            }

            var worst = samples.Max();
            return worst <= gate.Max
                ? GateResult.Pass($"query '{gate.Query}': max {worst.ToString(CultureInfo.InvariantCulture)} <= {gate.Max.ToString(CultureInfo.InvariantCulture)}")
                : GateResult.Fail($"query '{gate.Query}': {worst.ToString(CultureInfo.InvariantCulture)} > {gate.Max.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return GateResult.Fail($"query '{gate.Query}' at {gate.Url} could not be evaluated: {ex.Message}");
        }
    }

    private static IEnumerable<decimal> Samples(JsonElement data)
    {
        var result = data.GetProperty("result");
        if (data.GetProperty("resultType").GetString() == "scalar")
        {
            yield return Parse(result[1]);
            yield break;
        }

        foreach (var sample in result.EnumerateArray())
        {
            yield return Parse(sample.GetProperty("value")[1]);
        }
    }

    private static decimal Parse(JsonElement value) => decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
