using System.Globalization;

namespace LiveUpdate.Orchestrator.Store.Etcd;

/// <summary>
/// Where each document lives under the store's prefix. Hosts and events carry zero-padded numbers in
/// their keys, so a prefix range read returns them in wave/position and event order.
/// </summary>
internal sealed class EtcdKeys(string prefix)
{
    private readonly string _prefix = prefix.TrimEnd('/') + "/";

    public string Rollouts => _prefix + "rollouts/";

    public string Rollout(string id) => Rollouts + id;

    public string Intents(string id) => _prefix + "intents/" + id;

    public string Claim(string id) => _prefix + "claims/" + id;

    public string Hosts(string id) => _prefix + "hosts/" + id + "/";

    public string Host(HostRecord host) =>
        Hosts(host.RolloutId) + string.Create(CultureInfo.InvariantCulture, $"{host.Wave:D6}-{host.Position:D6}-") + host.Host;

    public string Events(string id) => _prefix + "events/" + id + "/";

    public string Event(string id, long eventId) => Events(id) + eventId.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The last event id handed out, across all rollouts (as the SQLite store's event ids are).</summary>
    public string EventSequence => _prefix + "event-sequence";
}
