using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveUpdate.Cli.Orchestration;

/// <summary>The orchestrator's parts for one command: its store, its agent clients, gates and telemetry.</summary>
internal sealed class OrchestratorSession : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly GrpcAgentClientFactory _agents;

    public OrchestratorSession(OrchestratorSettings settings, HostInventory inventory)
    {
        var options = settings.AgentOptions();
        options.Validate();
        Store = SqliteRolloutStore.Open(settings.StorePath);
        BundleTrustKey = settings.BundleTrustKey;
        Telemetry = new OrchestratorTelemetry();
        _agents = new GrpcAgentClientFactory(inventory, options, TimeProvider.System, NullLoggerFactory.Instance, Telemetry);
    }

    public IRolloutStore Store { get; }

    public string? BundleTrustKey { get; }

    public IAgentClientFactory Agents => _agents;

    public OrchestratorTelemetry Telemetry { get; }

    public RolloutEngine Engine(TimeSpan pollInterval) => new(
        Store,
        _agents,
        new GateEvaluator(_http, TimeProvider.System),
        TimeProvider.System,
        new RolloutEngineOptions { PollInterval = pollInterval, ReattachDelay = TimeSpan.FromMilliseconds(500) },
        Telemetry);

    public void Dispose()
    {
        _agents.Dispose();
        Store.Dispose();
        Telemetry.Dispose();
        _http.Dispose();
    }
}
