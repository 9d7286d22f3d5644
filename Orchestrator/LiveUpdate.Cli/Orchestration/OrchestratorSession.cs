using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Engine.Gates;
using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Telemetry;
using LiveUpdate.Orchestrator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LiveUpdate.Cli.Orchestration;

/// <summary>The orchestrator's parts for one command: its store, its agent clients, gates and telemetry.</summary>
internal sealed class OrchestratorSession : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ServiceProvider? _telemetryServices;
    private readonly GrpcAgentClientFactory _agents;

    public OrchestratorSession(OrchestratorSettings settings, HostInventory inventory)
    {
        var options = settings.AgentOptions();
        options.Validate();
        Store = RolloutStoreLocation.Parse(settings.StorePath).Open();
        BundleTrustKey = settings.BundleTrustKey;
        if (settings.Otlp is not null || settings.TelemetryToConsole)
        {
            // Exporting is opt-in: the providers are built (and so started) only when asked for.
            _telemetryServices = new ServiceCollection().AddMetrics().AddLiveUpdateTelemetry(settings.Otlp).BuildServiceProvider();
            _telemetryServices.GetService<TracerProvider>();
            _telemetryServices.GetService<MeterProvider>();
            Telemetry = _telemetryServices.GetRequiredService<OrchestratorTelemetry>();
        }
        else
        {
            Telemetry = new OrchestratorTelemetry();
        }

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
        if (_telemetryServices is null)
        {
            Telemetry.Dispose();
        }

        _telemetryServices?.Dispose();
        _http.Dispose();
    }
}
