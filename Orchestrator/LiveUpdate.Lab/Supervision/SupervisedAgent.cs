using System.Diagnostics;
using LiveUpdate.Lab.Fleet;

namespace LiveUpdate.Lab.Supervision;

/// <summary>
/// One lab host's agent process, restarted whenever it ends — as systemd's Restart=always does on a
/// real host, and as a real host's init starts the agent again after a kexec. The sim handover ends
/// the agent on purpose; the restarted agent finds its journal and finishes the update.
/// </summary>
public sealed class SupervisedAgent(LabHostSpec host) : IAsyncDisposable
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private Process? _current;

    public string Host => host.Name;

    public int Restarts { get; private set; }

    public int? ProcessId => _current is { HasExited: false } p ? p.Id : null;

    public void Start() => _loop = Task.Run(() => SuperviseAsync(_stopping.Token));

    /// <summary>Stops the agent as systemd would: SIGTERM, time to finish, then SIGKILL.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        var pid = ProcessId;
        if (pid is not null)
        {
            using var term = Process.Start("kill", ["-TERM", pid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(StopTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                if (pid is not null)
                {
                    using var kill = Process.Start("kill", ["-KILL", pid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    await kill.WaitForExitAsync().ConfigureAwait(false);
                }

                await _loop.ConfigureAwait(false);
            }
        }

        _stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var start = AgentExecutable.StartInfo(["serve", "--config", host.AgentConfig, "--sandbox", host.Root]);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var process = Process.Start(start) ?? throw new LabException($"could not start the agent of {host.Name}");
            _current = process;
            await using (var log = new StreamWriter(host.AgentLog, append: true) { AutoFlush = true })
            {
                var copyOut = process.StandardOutput.BaseStream.CopyToAsync(log.BaseStream, CancellationToken.None);
                var copyErr = process.StandardError.BaseStream.CopyToAsync(log.BaseStream, CancellationToken.None);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                await Task.WhenAll(copyOut, copyErr).ConfigureAwait(false);
            }

            _current = null;
            if (ct.IsCancellationRequested)
            {
                return;
            }

            Restarts++;

            // As systemd's RestartSec: an agent that cannot start at all does not spin.
            try
            {
                await Task.Delay(RestartDelay, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
