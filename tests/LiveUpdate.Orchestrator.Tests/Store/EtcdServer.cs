using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LiveUpdate.Orchestrator.Tests.Store;

/// <summary>
/// A real, single-member etcd (Debian's etcd-server) on free loopback ports with its data in a temporary
/// directory, started once per test class; ready when etcd logs that it serves client traffic.
/// </summary>
public sealed class EtcdServer : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _dir = new("etcd");
    private readonly Process _process;
    private readonly List<string> _output = [];

    public EtcdServer()
    {
        var client = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var peer = $"http://127.0.0.1:{LoopbackPort.Free()}";
        Endpoint = new Uri(client);
        var start = new ProcessStartInfo("etcd") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[]
        {
            "--name", "liveupdate-test", "--data-dir", _dir.Combine("data"),
            "--listen-client-urls", client, "--advertise-client-urls", client,
            "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", "liveupdate-test=" + peer,
            "--log-level", "info", "--logger", "zap",
        })
        {
            start.ArgumentList.Add(a);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.Add(line);
            }

            if (line.Contains("serving client traffic", StringComparison.Ordinal) || line.Contains("ready to serve client requests", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        _process.OutputDataReceived += (_, e) => Line(e.Data);
        _process.ErrorDataReceived += (_, e) => Line(e.Data);
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("etcd exited before it was ready:\n" + Output));
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        try
        {
            ready.Task.Wait(StartDeadline);
            if (!ready.Task.IsCompleted)
            {
                throw new TimeoutException($"etcd was not ready within {StartDeadline.TotalSeconds:0} s:\n{Output}");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Uri Endpoint { get; }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(30));
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _dir.Dispose();
    }
}
