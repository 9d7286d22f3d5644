using System.Text.Json;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Hypervisor;

namespace LiveUpdate.Lab.Supervision;

/// <summary>
/// Runs a lab until told to stop: every host's hypervisor (a private libvirtd with its VMs) and its
/// supervised agent. `liveupdate lab up` starts this in a background process; `lab down` stops it, and
/// with it exactly what it started.
/// </summary>
public sealed class LabSupervisor : IAsyncDisposable
{
    private readonly LabFiles _files;
    private readonly List<(LabHostSpec Host, LabHypervisor Hypervisor)> _hypervisors = [];
    private readonly List<SupervisedAgent> _agents = [];

    public LabSupervisor(LabFiles files)
    {
        _files = files;
    }

    public IReadOnlyList<SupervisedAgent> Agents => _agents;

    public LabHypervisor HypervisorOf(string host) => _hypervisors.Single(h => h.Host.Name == host).Hypervisor;

    public async Task StartAsync(CancellationToken ct)
    {
        var manifest = LabManifest.Read(_files);
        foreach (var host in manifest.Hosts)
        {
            IReadOnlyList<string> readOnly = host.Faulty ? [host.Root + LabBuilder.PmemMount] : [];
            var hypervisor = await LabHypervisor.StartAsync(host.LibvirtdDirectory, host.Vms, readOnly, ct).ConfigureAwait(false);
            _hypervisors.Add((host, hypervisor));
        }

        foreach (var host in manifest.Hosts)
        {
            var agent = new SupervisedAgent(host);
            agent.Start();
            _agents.Add(agent);
        }

        await Task.WhenAll(manifest.Hosts.Select(h => WaitForAgentAsync(h, ct))).ConfigureAwait(false);
        WriteState(ready: true);
    }

    private static readonly TimeSpan AgentStartTimeout = TimeSpan.FromSeconds(90);

    // Ready means every agent accepts connections, so the first `plan` right after `lab up` reaches all of them.
    private static async Task WaitForAgentAsync(LabHostSpec host, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + AgentStartTimeout;
        while (true)
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, host.Port, ct).ConfigureAwait(false);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                throw new LabException($"the agent of {host.Name} did not listen on port {host.Port} within {AgentStartTimeout.TotalSeconds:0} s", $"see {host.AgentLog}", e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            await agent.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var (_, hypervisor) in _hypervisors)
        {
            await hypervisor.DisposeAsync().ConfigureAwait(false);
        }

        File.Delete(_files.SupervisorState);
    }

    private void WriteState(bool ready)
    {
        var state = new SupervisorState(Environment.ProcessId, ready, _agents.ToDictionary(a => a.Host, a => a.Restarts));
        File.WriteAllText(_files.SupervisorState, JsonSerializer.Serialize(state, LabJson.Default.SupervisorState));
    }
}
