using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LiveUpdate.Agent.Hosting;

/// <summary>The agent's ActivitySource and Meter, both named "LiveUpdate.Agent", and the instruments on it.</summary>
internal static class Telemetry
{
    public const string Name = "LiveUpdate.Agent";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Callers refused in the TLS handshake: no RPC (and no step) ran for any of them.</summary>
    public static readonly Counter<long> RefusedClients = Meter.CreateCounter<long>("liveupdate.agent.tls.refused", description: "Clients refused in the mTLS handshake");

    public static readonly Counter<long> UpdatesEnded = Meter.CreateCounter<long>("liveupdate.agent.updates.ended", description: "Updates that reached an end state, by state");
}
