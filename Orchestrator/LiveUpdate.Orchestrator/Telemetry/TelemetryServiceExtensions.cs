using LiveUpdate.Orchestrator.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LiveUpdate.Orchestrator;

/// <summary>Wires the orchestrator's traces and metrics (and Polly's) to an exporter.</summary>
public static class TelemetryServiceExtensions
{
    /// <param name="otlpEndpoint">An OTLP collector (e.g. http://localhost:4317); when null, spans and metrics go to the console.</param>
    public static IServiceCollection AddLiveUpdateTelemetry(this IServiceCollection services, Uri? otlpEndpoint, string serviceName = "liveupdate-orchestrator")
    {
        services.AddSingleton<OrchestratorTelemetry>();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t =>
            {
                t.AddSource(OrchestratorTelemetry.Name);
                if (otlpEndpoint is not null)
                {
                    t.AddOtlpExporter(o => o.Endpoint = otlpEndpoint);
                }
                else
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(OrchestratorTelemetry.Name, "Polly");
                if (otlpEndpoint is not null)
                {
                    m.AddOtlpExporter(o => o.Endpoint = otlpEndpoint);
                }
                else
                {
                    m.AddConsoleExporter();
                }
            });
        return services;
    }
}
