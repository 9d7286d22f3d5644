using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Engine.Gates;

/// <summary>GET the URL; the gate passes on the expected status code within the timeout.</summary>
internal static class HttpGateCheck
{
    public static async Task<GateResult> RunAsync(HttpClient http, HttpGate gate, TimeProvider time, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(gate.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await http.GetAsync(gate.Url, linked.Token);
            var status = (int)response.StatusCode;
            return status == gate.ExpectStatus
                ? GateResult.Pass($"GET {gate.Url} answered {status}")
                : GateResult.Fail($"GET {gate.Url} answered {status}, expected {gate.ExpectStatus}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return GateResult.Fail($"GET {gate.Url} did not answer within {gate.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            return GateResult.Fail($"GET {gate.Url} failed: {ex.Message}");
        }
    }
}
