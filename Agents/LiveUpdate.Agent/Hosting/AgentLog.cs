using Microsoft.Extensions.Logging;

namespace LiveUpdate.Agent.Hosting;

/// <summary>Every log event of the agent daemon, with its event id, in one place.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused a client in the TLS handshake from {Remote}: {Reason}")]
    public static partial void ClientRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Update {UpdateId} was in state {State} when the agent started; recovering")]
    public static partial void RecoveryStarted(ILogger logger, string updateId, string state);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Update {UpdateId} recovered to state {State}")]
    public static partial void RecoveryFinished(ILogger logger, string updateId, string state);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Update {UpdateId} ended in state {State}")]
    public static partial void UpdateEnded(ILogger logger, string updateId, string state);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Update {UpdateId} stopped with an unexpected error; the journal holds its last state")]
    public static partial void UpdateFaulted(ILogger logger, string updateId, Exception error);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Ending the agent process: {Reason}")]
    public static partial void ProcessEnding(ILogger logger, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "systemd watchdog enabled: pinging every {Interval}")]
    public static partial void WatchdogEnabled(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Update {UpdateId} prepared: next command line '{CommandLine}'")]
    public static partial void UpdatePrepared(ILogger logger, string updateId, string commandLine);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Abort of update {UpdateId} {Outcome}: {Reason}")]
    public static partial void AbortRequested(ILogger logger, string updateId, string outcome, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Bundle {Digest} staged ({Bytes} bytes)")]
    public static partial void BundleStaged(ILogger logger, string digest, ulong bytes);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Bundle {Digest} refused and removed: {Reason}")]
    public static partial void BundleRefused(ILogger logger, string digest, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Update {UpdateId}: every VM runs again; removed its saved state {Directory}")]
    public static partial void SavedStateDiscarded(ILogger logger, string updateId, string directory);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Update {UpdateId}: could not remove its saved state, which keeps taking space on the save target: {Reason}")]
    public static partial void SavedStateKept(ILogger logger, string updateId, string reason);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Bundle {Digest} removed: neither the running kernel's nor the prepared update's")]
    public static partial void BundleRemoved(ILogger logger, string digest);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Could not remove old staged bundles, which keep taking space in the state directory: {Reason}")]
    public static partial void BundlesKept(ILogger logger, string reason);
}
