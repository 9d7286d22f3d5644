using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Tests.Planning;

public sealed class RolloutPlannerTests
{
    [Fact]
    public void Plan_TwelveHostsSerialList_CutsAnsibleStyleWaves()
    {
        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 12));

        // 1, ceil(5% of 12) = 1, ceil(25% of 12) = 3, then 100% takes the remaining 7.
        Assert.Equal([1, 1, 3, 7], plan.Waves.Select(w => w.Hosts.Count));
        Assert.Equal([1, 1, 3, 7], plan.Limits.WaveSizes);
        Assert.Equal([1, 2, 3, 4], plan.Waves.Select(w => w.Index));
    }

    [Fact]
    public void Plan_HundredHostsSerialList_CutsAnsibleStyleWaves()
    {
        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 100));

        Assert.Equal([1, 5, 25, 69], plan.Waves.Select(w => w.Hosts.Count));
    }

    [Fact]
    public void Plan_LastEntryRepeats_UntilEveryHostIsPlanned()
    {
        var spec = PlanFixtures.Spec(waves: [WaveSize.Hosts(1), WaveSize.OfFleet(30)]);

        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 10, spec: spec));

        Assert.Equal([1, 3, 3, 3], plan.Waves.Select(w => w.Hosts.Count));
    }

    [Fact]
    public void Plan_InventoryOrder_KeepsInventoryOrder()
    {
        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 6));

        Assert.Equal(["hv-000", "hv-001", "hv-002", "hv-003", "hv-004", "hv-005"], HostOrder(plan));
    }

    [Fact]
    public void Plan_InterleaveDomains_RoundRobinsUnevenDomains()
    {
        string[] domains = ["a", "a", "a", "b", "c", "c"];
        var inventory = PlanFixtures.Inventory(6, 1);
        var hosts = inventory.Hosts.Select((h, i) => h with { FailureDomain = domains[i] }).ToList();
        var uneven = Orchestrator.Inventory.HostInventory.Create(hosts, "test");
        var input = new PlanInput(uneven, PlanFixtures.Spec(order: RolloutOrder.InterleaveDomains), PlanFixtures.Playbook, PlanFixtures.Bundle, PlanFixtures.FactsFor(uneven));

        var plan = RolloutPlanner.Plan(input);

        Assert.Equal(["hv-000", "hv-003", "hv-004", "hv-001", "hv-005", "hv-002"], HostOrder(plan));
    }

    [Fact]
    public void Plan_InterleaveDomains_SpreadsDomainsListedTogether()
    {
        var inventory = PlanFixtures.Inventory(6, 6);
        var hosts = inventory.Hosts.Select((h, i) => h with { FailureDomain = i < 3 ? "rack-a" : "rack-b" }).ToList();
        var grouped = Orchestrator.Inventory.HostInventory.Create(hosts, "test");
        var input = new PlanInput(grouped, PlanFixtures.Spec(order: RolloutOrder.InterleaveDomains), PlanFixtures.Playbook, PlanFixtures.Bundle, PlanFixtures.FactsFor(grouped));

        var plan = RolloutPlanner.Plan(input);

        Assert.Equal(["hv-000", "hv-003", "hv-001", "hv-004", "hv-002", "hv-005"], HostOrder(plan));
    }

    [Fact]
    public void Plan_RandomOrder_IsDeterministicPerSeedAndDiffersBySeed()
    {
        PlanInput WithSeed(ulong seed) => PlanFixtures.Input(hosts: 50, spec: PlanFixtures.Spec(order: RolloutOrder.Random, seed: seed));

        var first = HostOrder(RolloutPlanner.Plan(WithSeed(42)));
        var again = HostOrder(RolloutPlanner.Plan(WithSeed(42)));
        var other = HostOrder(RolloutPlanner.Plan(WithSeed(43)));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(HostOrder(RolloutPlanner.Plan(PlanFixtures.Input(hosts: 50))), first);
        Assert.Equal(first.Order(StringComparer.Ordinal), other.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_RandomOrder_MatchesPinnedSequence()
    {
        // Pinned so a change to the shuffle, which would reorder every stored plan, cannot go unnoticed.
        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 8, spec: PlanFixtures.Spec(order: RolloutOrder.Random, seed: 42)));

        Assert.Equal(PinnedSeed42, HostOrder(plan));
    }

    [Fact]
    public void Plan_NotReadyHosts_AreExcludedWithReasons()
    {
        var input = PlanFixtures.Input(hosts: 5);
        var facts = new Dictionary<string, HostFacts>(input.Facts)
        {
            ["hv-001"] = PlanFixtures.Facts("hv-001", ready: false),
            ["hv-002"] = PlanFixtures.Facts("hv-002", kernel: PlanFixtures.TargetRelease),
            ["hv-003"] = PlanFixtures.Facts("hv-003") with { Cpus = 1 },
        };
        facts.Remove("hv-004");

        var plan = RolloutPlanner.Plan(input with { Facts = facts });

        Assert.Equal(["hv-000"], HostOrder(plan));
        Assert.Equal(["hv-001", "hv-002", "hv-003", "hv-004"], plan.Excluded.Select(e => e.Name));
        Assert.Equal(["libvirtd is not running"], plan.Excluded[0].Reasons);
        Assert.Equal([$"already running kernel {PlanFixtures.TargetRelease}"], plan.Excluded[1].Reasons);
        Assert.Contains("at least 2", Assert.Single(plan.Excluded[2].Reasons), StringComparison.Ordinal);
        Assert.Null(plan.Excluded[3].Facts);
        Assert.Contains("no facts", Assert.Single(plan.Excluded[3].Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FactsForAnotherHost_ThrowsPlanInputException()
    {
        var input = PlanFixtures.Input(hosts: 2);
        var facts = new Dictionary<string, HostFacts>(input.Facts) { ["hv-000"] = PlanFixtures.Facts("hv-001") };

        Assert.Throws<PlanInputException>(() => RolloutPlanner.Plan(input with { Facts = facts }));
    }

    [Fact]
    public void Plan_Steps_FollowCostModel()
    {
        var input = PlanFixtures.Input(hosts: 1, spec: PlanFixtures.Spec(waves: [WaveSize.Hosts(1)]));

        var host = Assert.Single(RolloutPlanner.Plan(input).Waves.Single().Hosts);

        // 4 VMs, 16 GiB: save = 1s + 16 x 500ms + 4 x 100ms; restore = 1s + 16 x 400ms + 4 x 150ms.
        var steps = host.Steps.ToDictionary(s => s.Id, s => s.Predicted);
        Assert.Equal(TimeSpan.FromMilliseconds(9_400), steps["save"]);
        Assert.Equal(TimeSpan.FromMilliseconds(8_000), steps["restore"]);
        Assert.Equal(TimeSpan.FromMilliseconds(700), steps["suspend"]);
        Assert.Equal(PlanFixtures.Playbook.Steps.Select(s => s.Id), host.Steps.Select(s => s.Id));
        Assert.Equal(TimeSpan.FromMilliseconds(700 + 9_400 + 500 + 8_000 + 1_000 + 8_000 + 700), host.PredictedBlackout);
        Assert.Equal(host.PredictedBlackout + TimeSpan.FromSeconds(2 + 3 + 3), host.PredictedDuration);
    }

    [Fact]
    public void Plan_MoreVmMemory_LongerBlackout()
    {
        var input = PlanFixtures.Input(hosts: 2, spec: PlanFixtures.Spec(waves: [WaveSize.Hosts(2)]));
        var facts = new Dictionary<string, HostFacts>(input.Facts) { ["hv-001"] = PlanFixtures.Facts("hv-001", vmMemoryGiB: 64) };

        var hosts = RolloutPlanner.Plan(input with { Facts = facts }).Waves.Single().Hosts;

        Assert.True(hosts[1].PredictedBlackout > hosts[0].PredictedBlackout);
    }

    [Fact]
    public void Plan_StepPredictedOverTimeout_Warns()
    {
        var input = PlanFixtures.Input(hosts: 3);
        var facts = input.Facts.ToDictionary(f => f.Key, f => PlanFixtures.Facts(f.Key, vmMemoryGiB: 256));

        var plan = RolloutPlanner.Plan(input with { Facts = facts });

        var warning = Assert.Single(plan.Warnings);
        Assert.StartsWith("step 'save' is predicted to exceed its timeout 2m on 3 host(s), worst hv-000 at 2m9s400ms", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Makespan_SumsWavesAndSettle()
    {
        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 12));

        var waves = plan.Waves.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.PredictedMakespan);
        Assert.Equal(waves + (TimeSpan.FromMinutes(2) * 3), plan.PredictedMakespan);
        Assert.Equal(plan.Waves[0].Hosts[0].PredictedDuration, plan.Waves[0].PredictedMakespan);
    }

    [Fact]
    public void Plan_PercentFailureBudget_ResolvesAgainstEligibleHosts()
    {
        var spec = PlanFixtures.Spec() with { FailureBudget = FailureBudget.OfFleet(10) };

        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 25, spec: spec));

        Assert.Equal(2, plan.Limits.FailureBudget);
    }

    [Fact]
    public void Plan_SameInputs_ByteIdenticalJsonAndHash()
    {
        var first = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 30));
        var second = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 30));

        Assert.Equal(RolloutPlanJson.Serialize(first), RolloutPlanJson.Serialize(second));
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Matches("^sha256:[0-9a-f]{64}$", first.ContentHash);
    }

    [Fact]
    public void Plan_FactsDictionaryOrder_DoesNotChangePlan()
    {
        var input = PlanFixtures.Input(hosts: 30);
        var reversed = input.Facts.Reverse().ToDictionary(f => f.Key, f => f.Value);
        var sorted = new SortedDictionary<string, HostFacts>(input.Facts.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal);

        var a = RolloutPlanner.Plan(input);
        var b = RolloutPlanner.Plan(input with { Facts = reversed });
        var c = RolloutPlanner.Plan(input with { Facts = sorted });

        Assert.Equal(RolloutPlanJson.Serialize(a), RolloutPlanJson.Serialize(b));
        Assert.Equal(a.ContentHash, c.ContentHash);
    }

    [Fact]
    public void Plan_OneFactChanged_DifferentHash()
    {
        var input = PlanFixtures.Input(hosts: 30);
        var facts = new Dictionary<string, HostFacts>(input.Facts) { ["hv-017"] = input.Facts["hv-017"] with { BootId = "rebooted" } };

        var before = RolloutPlanner.Plan(input);
        var after = RolloutPlanner.Plan(input with { Facts = facts });

        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.NotEqual(before.Inputs.Facts, after.Inputs.Facts);
    }

    [Theory]
    [InlineData("playbook")]
    [InlineData("bundle")]
    [InlineData("inventory")]
    [InlineData("spec")]
    public void Plan_AnyInputHashChanged_DifferentHash(string which)
    {
        var input = PlanFixtures.Input(hosts: 5);
        var changed = which switch
        {
            "playbook" => input with { Playbook = input.Playbook with { Digest = "sha256:other" } },
            "bundle" => input with { Bundle = input.Bundle with { Digest = "sha256:other" } },
            "inventory" => input with { Inventory = input.Inventory with { ContentHash = "sha256:other" } },
            _ => input with { Spec = input.Spec with { ContentHash = "sha256:other" } },
        };

        Assert.NotEqual(RolloutPlanner.Plan(input).ContentHash, RolloutPlanner.Plan(changed).ContentHash);
    }

    [Fact]
    public void Plan_NoEligibleHosts_EmptyPlanWithWarning()
    {
        var input = PlanFixtures.Input(hosts: 2);

        var plan = RolloutPlanner.Plan(input with { Facts = new Dictionary<string, HostFacts>() });

        Assert.Empty(plan.Waves);
        Assert.Equal(2, plan.Excluded.Count);
        Assert.Contains("no host is eligible", Assert.Single(plan.Warnings), StringComparison.Ordinal);
    }

    // Computed independently from the SplitMix64 reference definition and a Fisher-Yates shuffle.
    private static readonly string[] PinnedSeed42 = ["hv-003", "hv-001", "hv-006", "hv-002", "hv-004", "hv-000", "hv-007", "hv-005"];

    private static List<string> HostOrder(RolloutPlan plan) => plan.Waves.SelectMany(w => w.Hosts).Select(h => h.Name).ToList();
}
