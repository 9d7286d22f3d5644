namespace LiveUpdate.Orchestrator.AgentApi.Simulation;

/// <summary>
/// Watches a simulated fleet from the hosts' side: how many hosts are between Execute and the end of their update
/// at every moment, overall and per failure domain, and how often each update was executed.
/// </summary>
public sealed class SimulationObserver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _domains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _peakByDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _executeCalls = new(StringComparer.Ordinal);
    private int _inside;

    public int PeakInCriticalSection { get; private set; }

    public IReadOnlyDictionary<string, int> PeakByDomain
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_peakByDomain, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Execute calls per update id, including calls that only attached to a running update.</summary>
    public IReadOnlyDictionary<string, int> ExecuteCalls
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, int>(_executeCalls, StringComparer.Ordinal);
            }
        }
    }

    internal void Executed(string updateId)
    {
        lock (_lock)
        {
            _executeCalls[updateId] = _executeCalls.GetValueOrDefault(updateId) + 1;
        }
    }

    internal void Enter(string domain)
    {
        lock (_lock)
        {
            _inside++;
            PeakInCriticalSection = Math.Max(PeakInCriticalSection, _inside);
            var inDomain = _domains[domain] = _domains.GetValueOrDefault(domain) + 1;
            _peakByDomain[domain] = Math.Max(_peakByDomain.GetValueOrDefault(domain), inDomain);
        }
    }

    internal void Leave(string domain)
    {
        lock (_lock)
        {
            _inside--;
            _domains[domain]--;
        }
    }
}
