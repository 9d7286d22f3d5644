using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Contracts.Security;
using LiveUpdate.Agent.Tests.Api;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Lab.Supervision;

namespace LiveUpdate.Agent.Tests.Hosting;

/// <summary>
/// The agent started with the shipped unit's ExecStart and the shipped sample configuration (its
/// machine paths pointed into a temporary directory and a sandbox tree), under the contract systemd
/// gives a Type=notify service with a watchdog: NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID. The
/// agent runs as PID 1 of its own PID namespace (`unshare --pid --fork`), which is how the hosting
/// library recognises a service manager other than a systemd parent; the test holds the notify
/// socket, as systemd does, and reads what the agent sends on it.
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _dir = new("systemd-unit");
    private readonly LabCertificates _certs = new();

    public void Dispose()
    {
        _certs.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task ExecStart_UnderServiceManager_ReadyOnlyOnceServingThenWatchdogThenStoppingOnTerm()
    {
        var unit = ServiceSection(RepositoryRoot.Combine("deploy", "systemd", "liveupdate-agent.service"));
        Assert.Equal("notify", unit["Type"]);
        var execStart = unit["ExecStart"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("/usr/local/bin/liveupdate-agent", execStart[0]);

        var port = LoopbackPort.Free();
        var config = SampleConfigFor(port);
        var arguments = execStart.Skip(1).Select(a => a == "/etc/liveupdate/agent.json" ? config : a).ToList();
        Assert.Contains(config, arguments);
        arguments.AddRange(["--sandbox", SandboxTree.Create(_dir.Combine("root"), new SandboxHostOptions { PmemMountPoint = "/mnt/pmem0" }).Path]);

        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        var socketPath = _dir.Combine("notify.sock");
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        using var agent = StartAsPidOne(arguments, new()
        {
            ["NOTIFY_SOCKET"] = socketPath,
            ["WATCHDOG_USEC"] = "1000000",
            ["WATCHDOG_PID"] = "1",
        });
        try
        {
            // READY=1 comes only when start-up (journal recovery included) is done and the API serves.
            Assert.Contains("READY=1", await ReceiveAsync(notify, agent), StringComparison.Ordinal);
            using (var channel = MutualTlsChannel.Create(new Uri($"https://127.0.0.1:{port}"), _certs.Ca,
                Path.Combine(_certs.Lab, "orchestrator.pem"), Path.Combine(_certs.Lab, "orchestrator.key"), LabCertificates.HostName))
            {
                var status = await new HostAgent.HostAgentClient(channel).StatusAsync(new StatusRequest(), deadline: DateTime.UtcNow.Add(Deadline));
                Assert.Equal(0, status.LastSequence);
            }

            Assert.Equal("WATCHDOG=1", await ReceiveAsync(notify, agent));

            // systemctl stop: SIGTERM to the service's main process (unshare itself ignores it while it waits).
            Assert.Equal(0, Kill(ChildOf(agent.Id), Sigterm));
            var stopping = TimeProvider.System.GetTimestamp();
            string message;
            do
            {
                message = await ReceiveAsync(notify, agent);
            }
            while (message == "WATCHDOG=1" && TimeProvider.System.GetElapsedTime(stopping) < Deadline);

            Assert.Contains("STOPPING=1", message, StringComparison.Ordinal);
            await agent.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);
            Assert.Equal(0, agent.ExitCode);
        }
        finally
        {
            if (!agent.HasExited)
            {
                agent.Kill(entireProcessTree: true);
            }
        }
    }

    private const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>deploy/config/agent.json with every machine path pointed into the test's directory.</summary>
    private string SampleConfigFor(int port)
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("deploy", "config", "agent.json")))!;
        var agent = sample["Agent"]!.AsObject();
        agent["HostName"] = LabCertificates.HostName;
        agent["Listen"] = $"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        agent["StateDirectory"] = _dir.Combine("state");
        agent["LibvirtUri"] = "test:///default";
        agent["PlaybookDirectory"] = RepositoryRoot.Combine("Playbooks", "shipped");
        agent.Remove("BundleTrustKey");
        var tls = agent["Tls"]!.AsObject();
        tls["Certificate"] = _certs.HostCertificate;
        tls["Key"] = _certs.HostKey;
        tls["ClientCa"] = _certs.Ca;
        return _dir.WriteFile("agent.json", sample.ToJsonString());
    }

    /// <summary>The one child of a process (the agent under unshare), from /proc.</summary>
    private static int ChildOf(int pid) =>
        int.Parse(File.ReadAllText($"/proc/{pid}/task/{pid}/children").Trim(), CultureInfo.InvariantCulture);

    private static Process StartAsPidOne(IReadOnlyList<string> arguments, Dictionary<string, string> environment)
    {
        var agent = AgentExecutable.StartInfo(arguments);
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--pid", "--fork", "--kill-child=SIGTERM", agent.FileName }.Concat(agent.ArgumentList))
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> ReceiveAsync(Socket socket, Process agent)
    {
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            return Encoding.UTF8.GetString(buffer, 0, received).Trim();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"nothing on the notify socket within {Deadline.TotalSeconds:0} s (agent exited: {agent.HasExited})");
        }
    }

    /// <summary>The [Service] section of a unit file as key → value (the last assignment wins, as in systemd).</summary>
    private static Dictionary<string, string> ServiceSection(string path)
    {
        var section = "";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = line;
            }
            else if (section == "[Service]" && line.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
            {
                values[line[..eq]] = line[(eq + 1)..];
            }
        }

        return values;
    }
}
