namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>
/// The agent answered and said no (bad argument, unknown update, failed precondition). Retrying the same request
/// will not help: read the detail, fix the host or the request.
/// </summary>
public sealed class AgentRefusedException(string host, string call, string detail, Exception? inner = null)
    : Exception($"agent of host '{host}' refused {call}: {detail}", inner)
{
    public string Host { get; } = host;
}
