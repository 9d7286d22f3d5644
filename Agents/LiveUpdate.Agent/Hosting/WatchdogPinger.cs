using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// Sends WATCHDOG=1 at half the interval systemd asks for (WATCHDOG_USEC), so a hung agent is
/// restarted. The timer comes from the TimeProvider, so tests drive it without waiting.
/// </summary>
internal sealed class WatchdogPinger(ISystemdNotifier notifier, TimeProvider time, ILogger<WatchdogPinger> logger, Func<string, string?> environment)
    : IHostedService, IDisposable
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");
    private ITimer? _timer;

    /// <summary>Half of WATCHDOG_USEC, or null when systemd asked for no watchdog (or for another process).</summary>
    public static TimeSpan? IntervalFrom(Func<string, string?> environment)
    {
        var pid = environment("WATCHDOG_PID");
        if (pid is not null && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return long.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (IntervalFrom(environment) is { } interval && notifier.IsEnabled)
        {
            AgentLog.WatchdogEnabled(logger, interval);
            _timer = time.CreateTimer(_ => notifier.Notify(Ping), null, interval, interval);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();
}
