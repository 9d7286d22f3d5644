namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>How a call may be treated by the resilience pipeline.</summary>
internal enum AgentCallKind
{
    /// <summary>Safe to repeat: retried with backoff, bounded by the call timeout.</summary>
    Idempotent,

    /// <summary>Safe to repeat and long: a bundle upload, bounded by the stage timeout.</summary>
    IdempotentUpload,

    /// <summary>Opening a stream that replays from a cursor (Watch): retried, no timeout on the stream itself.</summary>
    IdempotentStream,

    /// <summary>Starts work on the host (Execute): never retried; only the circuit breaker applies.</summary>
    Once,
}
