using LiveUpdate.Agent.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiveUpdate.Agent.Tests.Hosting;

public sealed class WatchdogPingerTests
{
    [Fact]
    public async Task StartAsync_WatchdogUsecSet_PingsAtHalfTheInterval()
    {
        var time = new FakeTimeProvider();
        var notifier = new RecordingNotifier();
        using var pinger = new WatchdogPinger(notifier, time, NullLogger<WatchdogPinger>.Instance, Env(("WATCHDOG_USEC", "30000000")));
        await pinger.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(14));
        var before = notifier.Sent.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(0, before);
        Assert.Equal(["WATCHDOG=1", "WATCHDOG=1"], notifier.Sent);
    }

    [Fact]
    public async Task StartAsync_NoWatchdogUsec_NeverPings()
    {
        var time = new FakeTimeProvider();
        var notifier = new RecordingNotifier();
        using var pinger = new WatchdogPinger(notifier, time, NullLogger<WatchdogPinger>.Instance, Env());
        await pinger.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(notifier.Sent);
    }

    [Fact]
    public void IntervalFrom_WatchdogForAnotherProcess_IsNull() =>
        Assert.Null(WatchdogPinger.IntervalFrom(Env(("WATCHDOG_USEC", "1000000"), ("WATCHDOG_PID", "1"))));

    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        public List<string> Sent { get; } = [];

        public bool IsEnabled => true;

        public void Notify(ServiceState state) => Sent.Add(state.ToString());
    }
}
