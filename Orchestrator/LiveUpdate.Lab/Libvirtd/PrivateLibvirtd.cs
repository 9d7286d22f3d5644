using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace LiveUpdate.Lab.Libvirtd;

/// <summary>
/// A real libvirtd private to its caller: started in its own mount namespace over a
/// <see cref="PrivateLibvirtdTree"/>, reached through its own socket, and stopped completely (any QEMU
/// it started is killed too). Needs root and the libvirt-daemon package; with hypervisor drivers also
/// libvirt-daemon-driver-qemu and qemu-system-x86. The machine's own libvirt files are never touched.
/// </summary>
public sealed class PrivateLibvirtd : IAsyncDisposable
{
    private static readonly string[] HiddenPrefixes = ["/run/", "/var/lib/", "/var/log/", "/var/cache/"];

    private readonly PrivateLibvirtdOptions _options;
    private readonly PrivateLibvirtdTree _tree;
    private Process? _process;

    private PrivateLibvirtd(PrivateLibvirtdOptions options)
    {
        _options = options;
        _tree = new PrivateLibvirtdTree(Path.GetFullPath(options.Directory));
    }

    public string SocketPath => _tree.SocketPath;

    /// <summary>libvirt's test driver inside this daemon; its domains outlive any one client connection.</summary>
    public string TestDriverUri => $"test+unix:///default?socket={SocketPath}";

    public string QemuUri => $"qemu+unix:///system?socket={SocketPath}";

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public static async Task<PrivateLibvirtd> StartAsync(PrivateLibvirtdOptions options, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(options.Directory) + "/";
        if (HiddenPrefixes.Any(p => full.StartsWith(p, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"{options.Directory}: a private libvirtd cannot live under {string.Join(", ", HiddenPrefixes)} (its own trees are bound over those)");
        }

        var daemon = new PrivateLibvirtd(options);
        try
        {
            await daemon.StartProcessAsync(ct).ConfigureAwait(false);
            return daemon;
        }
        catch
        {
            // A half-started daemon must not outlive a failed start; the original failure is rethrown.
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        await StopAsync(_process).ConfigureAwait(false);
        KillLeftoverGuests();
        _process.Dispose();
        _process = null;
    }

    private async Task StartProcessAsync(CancellationToken ct)
    {
        _tree.Populate();
        if (File.Exists(_tree.SocketPath))
        {
            File.Delete(_tree.SocketPath); // left by a daemon that did not stop cleanly
        }

        var start = new ProcessStartInfo("unshare") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var arg in new[] { "-m", "--propagation", "private", "bash", "-c", _tree.MountScript(_options.HypervisorDrivers, _options.ReadOnlyPaths) })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start unshare");
        await WaitForSocketAsync(_process, ct).ConfigureAwait(false);
    }

    private async Task WaitForSocketAsync(Process process, CancellationToken ct)
    {
        var appeared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(_tree.RunDirectory, Path.GetFileName(_tree.SocketPath));
        watcher.Created += (_, _) => appeared.TrySetResult();
        watcher.EnableRaisingEvents = true;
        if (File.Exists(_tree.SocketPath))
        {
            appeared.TrySetResult();
        }

        var exited = process.WaitForExitAsync(ct);
        var first = await Task.WhenAny(appeared.Task, exited).WaitAsync(_options.StartTimeout, ct).ConfigureAwait(false);
        if (first == exited)
        {
            throw new InvalidOperationException(
                $"libvirtd exited with {process.ExitCode} before opening {_tree.SocketPath}: {Tail(_tree.StdoutPath)} {Tail(_tree.LogPath)}");
        }

        await WaitUntilListeningAsync(process, ct).ConfigureAwait(false);
    }

    // The socket file exists a moment before libvirtd listens on it; a client connecting in between is refused.
    private async Task WaitUntilListeningAsync(Process process, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + _options.StartTimeout;
        while (true)
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(_tree.SocketPath), ct).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (!process.HasExited && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), ct).ConfigureAwait(false);
            }
        }
    }

    private async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync().ConfigureAwait(false);
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(_options.StopTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    // libvirtd deliberately leaves guests running when it stops; any QEMU it started must not outlive it here.
    private void KillLeftoverGuests()
    {
        if (!Directory.Exists(_tree.QemuPidDirectory))
        {
            return;
        }

        foreach (var pidFile in Directory.GetFiles(_tree.QemuPidDirectory, "*.pid"))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var guest = TryGetProcess(pid);
                guest?.Kill();
                guest?.WaitForExit(_options.StopTimeout);
            }
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
