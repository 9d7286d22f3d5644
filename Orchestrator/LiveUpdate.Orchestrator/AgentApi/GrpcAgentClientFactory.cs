using System.Collections.Concurrent;
using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Telemetry;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>One <see cref="GrpcAgentClient"/> per inventory host, created on first use and kept for the rollout.</summary>
public sealed class GrpcAgentClientFactory(
    HostInventory inventory, AgentClientOptions options, TimeProvider time, ILoggerFactory loggers, OrchestratorTelemetry? telemetry = null)
    : IAgentClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcAgentClient> _clients = new(StringComparer.Ordinal);

    public IAgentClient For(string host) => _clients.GetOrAdd(host, name =>
    {
        var entry = inventory.Hosts.FirstOrDefault(h => h.Name == name)
            ?? throw new KeyNotFoundException($"host '{name}' is in the rollout but not in inventory '{inventory.Source}'; use the inventory the plan was made from");
        return new GrpcAgentClient(name, entry.Endpoint, entry.CertificateName, options, time, loggers, telemetry);
    });

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
