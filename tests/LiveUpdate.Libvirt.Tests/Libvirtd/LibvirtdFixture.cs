using System.Diagnostics;
using System.Globalization;

namespace LiveUpdate.Libvirt.Tests.Libvirtd;

/// <summary>
/// A real libvirtd with the QEMU driver, private to the test run: started in its own mount namespace over a
/// <see cref="LibvirtdSandbox"/>, reached through its own socket, and torn down completely afterwards
/// (guests destroyed, leftover QEMU processes killed, libvirtd stopped, mount-point dirs removed).
/// Needs root and the libvirt-daemon, libvirt-daemon-driver-qemu and qemu-system-x86 packages.
/// </summary>
public sealed class LibvirtdFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly LibvirtdSandbox sandbox = LibvirtdSandbox.Create();
    private Process? libvirtd;
    private LibvirtConnection? connection;

    public string Uri => $"qemu+unix:///system?socket={sandbox.SocketPath}";

    /// <summary>One connection for all tests, as the agent would hold it.</summary>
    public LibvirtConnection Connection => connection ?? throw new InvalidOperationException("libvirtd fixture is not started");

    /// <summary>A directory for save images and guest serial logs; QEMU runs as root, so it may write here.</summary>
    public string WorkDirectory => sandbox.WorkDirectory;

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("unshare") { UseShellExecute = false };
        foreach (var arg in new[] { "-m", "--propagation", "private", "bash", "-c", sandbox.MountScript() })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            libvirtd = Process.Start(start) ?? throw new InvalidOperationException("could not start unshare");
            await WaitForSocketAsync(libvirtd);

            // The first connection waits for the QEMU driver's capability probing, which takes seconds.
            connection = await Task.Run(() => LibvirtConnection.Open(Uri)).WaitAsync(StartTimeout);
        }
        catch
        {
            // A half-started daemon must not outlive a failed start; the original failure is rethrown.
            await TearDownAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            DestroyGuests();
        }
        finally
        {
            await TearDownAsync();
        }
    }

    private void DestroyGuests()
    {
        if (connection is null)
        {
            return;
        }

        foreach (var domain in connection.ListDomains(DomainListFilter.Active))
        {
            using (domain)
            {
                domain.Destroy();
            }
        }
    }

    private async Task TearDownAsync()
    {
        connection?.Dispose();
        connection = null;
        KillLeftoverGuests();
        if (libvirtd is not null)
        {
            await StopAsync(libvirtd);
            libvirtd.Dispose();
            libvirtd = null;
        }

        sandbox.RemoveCreatedMountPoints();
        sandbox.Delete();
    }

    private async Task WaitForSocketAsync(Process process)
    {
        var appeared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(sandbox.RunDirectory, Path.GetFileName(sandbox.SocketPath));
        watcher.Created += (_, _) => appeared.TrySetResult();
        watcher.EnableRaisingEvents = true;
        if (File.Exists(sandbox.SocketPath))
        {
            appeared.TrySetResult();
        }

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(appeared.Task, exited).WaitAsync(StartTimeout);
        if (first == exited)
        {
            throw new InvalidOperationException(
                $"libvirtd exited with {process.ExitCode} before opening {sandbox.SocketPath}: {Tail(sandbox.StdoutPath)} {Tail(sandbox.LogPath)}");
        }
    }

    // libvirtd deliberately leaves guests running when it stops; any QEMU it started must not outlive the tests.
    private void KillLeftoverGuests()
    {
        var pidDirectory = Path.Combine(sandbox.RunDirectory, "qemu");
        if (!Directory.Exists(pidDirectory))
        {
            return;
        }

        foreach (var pidFile in Directory.GetFiles(pidDirectory, "*.pid"))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var guest = TryGetProcess(pid);
                guest?.Kill();
                guest?.WaitForExit(StopTimeout);
            }
        }
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Tail(string path) =>
        File.Exists(path) ? string.Join(" | ", File.ReadLines(path).TakeLast(10)) : $"({path} not written)";
}
