namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// Predicts a wave's makespan by simulating it: every host starts its steps before the critical section at once;
/// it then enters the critical section when fewer than <c>maxInCriticalSection</c> hosts overall and fewer than
/// <c>maxPerFailureDomain</c> hosts of its domain are inside, earliest-ready first (ties in wave order); after the
/// critical section it runs its remaining steps unhindered.
/// </summary>
internal static class WaveSchedule
{
    /// <param name="hosts">Per host in wave order: domain index, ticks before, in and after the critical section.</param>
    public static TimeSpan Makespan(IReadOnlyList<HostPhases> hosts, int maxInCritical, int maxPerDomain)
    {
        var arrivals = new int[hosts.Count];
        for (var i = 0; i < arrivals.Length; i++)
        {
            arrivals[i] = i;
        }

        Array.Sort(arrivals, (a, b) => hosts[a].Before != hosts[b].Before ? hosts[a].Before.CompareTo(hosts[b].Before) : a.CompareTo(b));

        var waiting = new Dictionary<int, Queue<int>>();
        var inFlight = new Dictionary<int, int>();
        var admissible = new SortedSet<(long Ready, int Host, int Domain)>();
        var running = new PriorityQueue<int, (long End, int Host)>();
        var next = 0;
        long makespan = 0;
        long now = 0;
        while (next < arrivals.Length || running.Count > 0)
        {
            now = NextEventTime(hosts, arrivals, next, running, now);
            while (running.TryPeek(out var done, out var end) && end.End <= now)
            {
                running.Dequeue();
                var domain = hosts[done].Domain;
                inFlight[domain]--;
                OfferHead(domain, hosts, waiting, inFlight, admissible, maxPerDomain);
            }

            while (next < arrivals.Length && hosts[arrivals[next]].Before <= now)
            {
                var host = arrivals[next++];
                var domain = hosts[host].Domain;
                if (!waiting.TryGetValue(domain, out var queue))
                {
                    queue = new Queue<int>();
                    waiting.Add(domain, queue);
                }

                queue.Enqueue(host);
                if (queue.Count == 1)
                {
                    OfferHead(domain, hosts, waiting, inFlight, admissible, maxPerDomain);
                }
            }

            while (running.Count < maxInCritical && admissible.Count > 0)
            {
                var pick = admissible.Min;
                admissible.Remove(pick);
                var host = waiting[pick.Domain].Dequeue();
                inFlight[pick.Domain] = inFlight.GetValueOrDefault(pick.Domain) + 1;
                var end = now + hosts[host].Critical;
                running.Enqueue(host, (end, host));
                makespan = Math.Max(makespan, end + hosts[host].After);
                OfferHead(pick.Domain, hosts, waiting, inFlight, admissible, maxPerDomain);
            }
        }

        return TimeSpan.FromTicks(makespan);
    }

    private static long NextEventTime(IReadOnlyList<HostPhases> hosts, int[] arrivals, int next, PriorityQueue<int, (long End, int Host)> running, long now)
    {
        var candidate = long.MaxValue;
        if (next < arrivals.Length)
        {
            candidate = hosts[arrivals[next]].Before;
        }

        if (running.TryPeek(out _, out var end))
        {
            candidate = Math.Min(candidate, end.End);
        }

        return Math.Max(now, candidate);
    }

    /// <summary>Makes a domain's first waiting host admissible when the domain has room for one more.</summary>
    private static void OfferHead(
        int domain,
        IReadOnlyList<HostPhases> hosts,
        Dictionary<int, Queue<int>> waiting,
        Dictionary<int, int> inFlight,
        SortedSet<(long Ready, int Host, int Domain)> admissible,
        int maxPerDomain)
    {
        if (waiting.TryGetValue(domain, out var queue) && queue.Count > 0 && inFlight.GetValueOrDefault(domain) < maxPerDomain)
        {
            var head = queue.Peek();
            admissible.Add((hosts[head].Before, head, domain));
        }
    }
}

/// <summary>One host's timeline split around its critical section, in ticks.</summary>
internal readonly record struct HostPhases(int Domain, long Before, long Critical, long After);
