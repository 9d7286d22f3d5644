using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// Turns inventory, spec, playbook, bundle and host facts into a <see cref="RolloutPlan"/>. A pure function: no
/// clock, no I/O, no ambient randomness, so the plan a dry run prints is the plan apply executes.
/// </summary>
public static class RolloutPlanner
{
    public static RolloutPlan Plan(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = input.Spec;
        if (spec.Waves.Count == 0)
        {
            throw new PlanInputException($"rollout '{spec.Name}' has no waves; give the spec at least one, e.g. waves: [1, 100%]");
        }

        var eligible = new List<(InventoryHost Host, HostFacts Facts)>(input.Inventory.Hosts.Count);
        var excluded = new List<ExcludedHost>();
        foreach (var host in input.Inventory.Hosts)
        {
            var facts = input.Facts.GetValueOrDefault(host.Name);
            var reasons = HostEligibility.ReasonsToExclude(host, facts, input.Bundle.KernelRelease);
            if (reasons.Count > 0)
            {
                excluded.Add(new ExcludedHost(host.Name, host.FailureDomain, reasons, facts));
            }
            else
            {
                eligible.Add((host, facts!));
            }
        }

        var ordered = HostOrdering.Apply(eligible, spec.Order, spec.Seed, h => h.Host.FailureDomain);
        var sizes = WaveSizes(spec.Waves, ordered.Count);
        var warnings = new PlanWarnings();
        var waves = BuildWaves(ordered, sizes, input, warnings);
        if (ordered.Count == 0)
        {
            warnings.Add("no host is eligible; the plan has no waves");
        }

        var makespan = waves.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.PredictedMakespan)
            + (spec.Settle * Math.Max(0, waves.Count - 1));
        var limits = new PlanLimits(
            spec.MaxInCriticalSection,
            spec.MaxPerFailureDomain,
            spec.FailureBudget.Resolve(ordered.Count),
            spec.Settle,
            OrderName(spec.Order),
            spec.Order == RolloutOrder.Random ? spec.Seed : null,
            sizes);
        var inputs = new PlanInputHashes(
            input.Inventory.ContentHash,
            spec.ContentHash,
            input.Playbook.Name,
            input.Playbook.Digest,
            input.Playbook.Handover,
            input.Bundle.Digest,
            input.Bundle.KernelRelease,
            PlanHasher.HashFacts(input.Inventory, input.Facts));
        var plan = new RolloutPlan(
            RolloutPlan.CurrentFormat, spec.Name, inputs, limits, input.Playbook.Steps, waves, excluded,
            warnings.ToList(), makespan, ContentHash: string.Empty);
        return plan with { ContentHash = PlanHasher.Compute(plan) };
    }

    public static string OrderName(RolloutOrder order) => order switch
    {
        RolloutOrder.Random => "random",
        RolloutOrder.InterleaveDomains => "interleave-domains",
        _ => "inventory",
    };

    /// <summary>Ansible <c>serial</c> semantics: the last entry repeats until every host is in a wave.</summary>
    internal static List<int> WaveSizes(IReadOnlyList<WaveSize> waves, int total)
    {
        var sizes = new List<int>();
        var remaining = total;
        for (var i = 0; remaining > 0; i++)
        {
            var size = Math.Min(remaining, waves[Math.Min(i, waves.Count - 1)].Resolve(total));
            sizes.Add(size);
            remaining -= size;
        }

        return sizes;
    }

    private static List<PlannedWave> BuildWaves(
        List<(InventoryHost Host, HostFacts Facts)> ordered, List<int> sizes, PlanInput input, PlanWarnings warnings)
    {
        var steps = input.Playbook.Steps;
        var costs = steps.Select(StepCostModel.CostOf).ToArray();
        var domains = new Dictionary<string, int>(StringComparer.Ordinal);
        var waves = new List<PlannedWave>(sizes.Count);
        var offset = 0;
        for (var w = 0; w < sizes.Count; w++)
        {
            var hosts = new PlannedHost[sizes[w]];
            var phases = new HostPhases[sizes[w]];
            for (var i = 0; i < hosts.Length; i++)
            {
                var (host, facts) = ordered[offset + i];
                if (!domains.TryGetValue(host.FailureDomain, out var domain))
                {
                    domain = domains.Count;
                    domains.Add(host.FailureDomain, domain);
                }

                (hosts[i], phases[i]) = PlanHost(host, facts, steps, costs, domain, warnings);
            }

            var makespan = WaveSchedule.Makespan(phases, input.Spec.MaxInCriticalSection, input.Spec.MaxPerFailureDomain);
            waves.Add(new PlannedWave(w + 1, makespan, hosts));
            offset += sizes[w];
        }

        return waves;
    }

    private static (PlannedHost Host, HostPhases Phases) PlanHost(
        InventoryHost host, HostFacts facts, IReadOnlyList<PlannedStepTemplate> templates, StepCost[] costs, int domain, PlanWarnings warnings)
    {
        var steps = new PlannedStep[templates.Count];
        long total = 0, blackout = 0, before = 0, critical = 0;
        var firstCritical = -1;
        var lastCritical = -1;
        for (var i = 0; i < templates.Count; i++)
        {
            var template = templates[i];
            var predicted = StepCostModel.Predict(costs[i], facts.VmCount, facts.VmMemoryBytes);
            steps[i] = new PlannedStep(template.Id, template.Kind, predicted);
            if (predicted > template.Timeout)
            {
                warnings.StepOverTimeout(template, predicted, host.Name);
            }

            total += predicted.Ticks;
            if (template.InBlackout)
            {
                blackout += predicted.Ticks;
                firstCritical = firstCritical < 0 ? i : firstCritical;
                lastCritical = i;
            }
        }

        // Without blackout steps the whole host counts as critical: limiting too much is safer than too little.
        if (firstCritical < 0)
        {
            critical = total;
        }
        else
        {
            for (var i = 0; i < templates.Count; i++)
            {
                if (i < firstCritical)
                {
                    before += steps[i].Predicted.Ticks;
                }
                else if (i <= lastCritical)
                {
                    critical += steps[i].Predicted.Ticks;
                }
            }
        }

        var planned = new PlannedHost(host.Name, host.FailureDomain, facts, TimeSpan.FromTicks(total), TimeSpan.FromTicks(blackout), steps);
        return (planned, new HostPhases(domain, before, critical, total - before - critical));
    }
}
