using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>Puts eligible hosts in the order they will be cut into waves.</summary>
internal static class HostOrdering
{
    public static List<T> Apply<T>(List<T> hosts, RolloutOrder order, ulong? seed, Func<T, string> domainOf) => order switch
    {
        RolloutOrder.Random => Shuffle(hosts, seed ?? throw new PlanInputException("order 'random' needs a seed in the spec")),
        RolloutOrder.InterleaveDomains => Interleave(hosts, domainOf),
        _ => hosts,
    };

    /// <summary>Fisher–Yates from the last element down, drawing from <see cref="SplitMix64"/>.</summary>
    private static List<T> Shuffle<T>(List<T> hosts, ulong seed)
    {
        var result = new List<T>(hosts);
        var random = new SplitMix64(seed);
        for (var i = result.Count - 1; i > 0; i--)
        {
            var j = (int)random.NextBelow((ulong)i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }

        return result;
    }

    /// <summary>
    /// One host from each failure domain per round, domains in order of first appearance and hosts in inventory
    /// order within a domain, so a small first wave spans as many domains as possible.
    /// </summary>
    private static List<T> Interleave<T>(List<T> hosts, Func<T, string> domainOf)
    {
        var byDomain = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        var domains = new List<List<T>>();
        foreach (var host in hosts)
        {
            if (!byDomain.TryGetValue(domainOf(host), out var list))
            {
                list = [];
                byDomain.Add(domainOf(host), list);
                domains.Add(list);
            }

            list.Add(host);
        }

        var result = new List<T>(hosts.Count);
        for (var round = 0; domains.Count > 0; round++)
        {
            foreach (var list in domains)
            {
                result.Add(list[round]);
            }

            // Drop exhausted domains so one large domain does not cost a pass over all the small ones per round.
            domains.RemoveAll(list => list.Count <= round + 1);
        }

        return result;
    }
}
