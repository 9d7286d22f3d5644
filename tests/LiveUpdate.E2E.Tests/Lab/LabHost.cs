using System.Diagnostics;
using System.Globalization;

namespace LiveUpdate.E2E.Tests.Lab;

/// <summary>
/// One boot of the lab host (deploy/lab/e2e/run-lab.sh --follow): QEMU with TCG, 2 vCPUs, PMEM from
/// memmap=, a state disk, and the agent's port forwarded to 127.0.0.1:<see cref="Port"/>. Disposing kills
/// QEMU, whatever state the test left it in.
/// </summary>
public sealed class LabHost : IAsyncDisposable
{
    private readonly Process _runner;
    private readonly string _work;
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LabHost(Process runner, string work)
    {
        _runner = runner;
        _work = work;
    }

    public SerialLog Serial { get; } = new();

    public int Port { get; private set; }

    /// <summary>The serial log file the runner writes (kept after the test, for a look at a failure).</summary>
    public string SerialLogPath => Path.Combine(_work, "serial.log");

    public static async Task<LabHost> BootAsync(LabInputs inputs, string work, params string[] kernelArgs)
    {
        Directory.CreateDirectory(work);
        File.Delete(Path.Combine(work, "state.img"));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { RepositoryRoot.Combine("deploy", "lab", "e2e", "run-lab.sh"), inputs.Image, work, "--follow", "--state-size", "512M", "--timeout", "900", "--" })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var a in kernelArgs.Prepend("lab.hostname=" + LabInputs.HostName).Prepend("lab.run=service"))
        {
            start.ArgumentList.Add(a);
        }

        var host = new LabHost(Process.Start(start)!, work);
        host.Follow();
        host.Port = await host._port.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        // QEMU first, by the pid it wrote itself: the runner's pipeline then ends on its own
        var pidFile = SerialLogPath + ".qemu.pid";
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                using var qemu = Process.GetProcessById(pid);
                qemu.Kill();
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }

        if (!_runner.HasExited)
        {
            _runner.Kill(entireProcessTree: true);
        }

        await _runner.WaitForExitAsync();
        _runner.Dispose();
    }

    private void Follow()
    {
        _runner.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                Serial.End("the lab host stopped (QEMU exited or powered off)");
            }
            else if (e.Data.StartsWith("LAB_PORT=", StringComparison.Ordinal))
            {
                _port.TrySetResult(int.Parse(e.Data["LAB_PORT=".Length..], CultureInfo.InvariantCulture));
            }
            else
            {
                Serial.Add(e.Data);
            }
        };
        _runner.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("run-lab.sh: " + e.Data);
            }
        };
        _runner.BeginOutputReadLine();
        _runner.BeginErrorReadLine();
    }
}
