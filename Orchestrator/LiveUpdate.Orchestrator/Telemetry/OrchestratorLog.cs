using Microsoft.Extensions.Logging;

namespace LiveUpdate.Orchestrator;

/// <summary>Every orchestrator log message, source-generated; event ids live here and nowhere else.</summary>
internal static partial class OrchestratorLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Refused agent certificate at {Endpoint} (expected '{Expected}'): {Reason}")]
    public static partial void AgentCertificateRefused(ILogger logger, Uri endpoint, string expected, string reason);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Rollout {RolloutId}: {Trigger} -> {State} ({Reason})")]
    public static partial void RolloutMoved(ILogger logger, string rolloutId, string trigger, string state, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Rollout {RolloutId}: host {Host} started, update {UpdateId}")]
    public static partial void HostStarted(ILogger logger, string rolloutId, string host, string updateId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Rollout {RolloutId}: host {Host} reattached to update {UpdateId} after sequence {Sequence}")]
    public static partial void HostReattached(ILogger logger, string rolloutId, string host, string updateId, long sequence);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Rollout {RolloutId}: host {Host} ended {Phase}: {Reason}")]
    public static partial void HostEnded(ILogger logger, string rolloutId, string host, string phase, string reason);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "Rollout {RolloutId}: agent of {Host} unavailable, retrying at {RetryAt}: {Reason}")]
    public static partial void AgentUnavailable(ILogger logger, string rolloutId, string host, DateTimeOffset retryAt, string reason);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Rollout {RolloutId}: gate {Gate} failed: {Reason}")]
    public static partial void GateFailed(ILogger logger, string rolloutId, string gate, string reason);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Rollout {RolloutId}: abort of host {Host} refused by its agent: {Reason}")]
    public static partial void AbortRefused(ILogger logger, string rolloutId, string host, string reason);
}
