using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LiveUpdate.Lab.Fleet;

namespace LiveUpdate.Lab.Supervision;

/// <summary>Starting the supervisor in the background (`lab up`), finding it, and stopping it (`lab down`).</summary>
public static class LabProcess
{
    /// <summary>Starts `liveupdate lab supervise --dir DIR` in its own session and waits until every host is up.</summary>
    public static async Task<SupervisorState> StartSupervisorAsync(LabFiles files, TimeSpan timeout, CancellationToken ct)
    {
        var self = Path.Combine(AppContext.BaseDirectory, "liveupdate");
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        var pidFile = Path.Combine(files.Directory, "supervisor.pid");
        File.Delete(pidFile);
        foreach (var arg in new[] { "--fork", "bash", "-c", "echo $$ >\"$3\"; exec \"$0\" lab supervise --dir \"$1\" >>\"$2\" 2>&1 </dev/null", File.Exists(self) ? self : Environment.ProcessPath!, files.Directory, files.SupervisorLog, pidFile })
        {
            start.ArgumentList.Add(arg);
        }

        using (var launcher = Process.Start(start) ?? throw new LabException("could not start the lab supervisor"))
        {
            await launcher.WaitForExitAsync(ct).ConfigureAwait(false);
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (ReadState(files) is { Ready: true } state)
            {
                return state;
            }

            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
            {
                throw new LabException($"the lab supervisor exited while starting: {Tail(files.SupervisorLog)}", $"see {files.SupervisorLog}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
        }

        throw new LabException($"the lab supervisor did not report ready within {timeout.TotalSeconds:0} s", $"see {files.SupervisorLog}");
    }

    public static SupervisorState? ReadState(LabFiles files)
    {
        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllText(files.SupervisorState), LabJson.Default.SupervisorState);
            return state is not null && IsAlive(state.ProcessId) ? state : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Asks the supervisor to stop (SIGTERM) and waits until it, and so everything it started, is gone.</summary>
    public static async Task StopAsync(LabFiles files, TimeSpan timeout, CancellationToken ct)
    {
        if (ReadState(files) is not { } state)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", state.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct).ConfigureAwait(false);
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        while (IsAlive(state.ProcessId))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new LabException($"the lab supervisor (pid {state.ProcessId}) did not stop within {timeout.TotalSeconds:0} s", $"see {files.SupervisorLog}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
        }
    }

    private static string Tail(string path) =>
        File.Exists(path) ? string.Join(" | ", File.ReadLines(path).Where(l => l.Length > 0).TakeLast(3)) : "(no log)";

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
