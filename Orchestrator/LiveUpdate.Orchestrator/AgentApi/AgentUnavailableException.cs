namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>
/// The agent could not be reached (connection refused, stream dropped, circuit open). The update on the host may
/// still be running: reattach with Watch after the last sequence seen rather than starting anything again.
/// </summary>
public sealed class AgentUnavailableException : Exception
{
    public AgentUnavailableException(string host, string detail, Exception? inner = null)
        : base($"agent of host '{host}' is unavailable: {detail}; the update may still run there, reattach with Watch", inner)
    {
        Host = host;
    }

    public string Host { get; }
}
