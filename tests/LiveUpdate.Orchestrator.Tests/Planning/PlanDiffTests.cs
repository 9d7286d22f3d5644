using LiveUpdate.Orchestrator.Planning;

namespace LiveUpdate.Orchestrator.Tests.Planning;

public sealed class PlanDiffTests
{
    [Fact]
    public void Compare_SameInputs_IsEmpty()
    {
        var input = PlanFixtures.Input(hosts: 12);

        var diff = PlanDiff.Compare(RolloutPlanner.Plan(input), RolloutPlanner.Plan(input));

        Assert.True(diff.IsEmpty);
        Assert.Equal("no changes", diff.ToString());
    }

    [Fact]
    public void Compare_HostAddedAndRemoved_ListsBoth()
    {
        var before = PlanFixtures.Input(hosts: 4);
        var hosts = before.Inventory.Hosts.Skip(1).Append(before.Inventory.Hosts[0] with { Name = "hv-new" }).ToList();
        var inventory = Orchestrator.Inventory.HostInventory.Create(hosts, "test");
        var facts = new Dictionary<string, HostFacts>(before.Facts) { ["hv-new"] = PlanFixtures.Facts("hv-new") };

        var diff = PlanDiff.Compare(RolloutPlanner.Plan(before), RolloutPlanner.Plan(before with { Inventory = inventory, Facts = facts }));

        Assert.Contains(new PlanChange(PlanChangeKind.InventoryChanged, "inventory", $"{before.Inventory.ContentHash} -> {inventory.ContentHash}"), diff.Changes);
        Assert.Contains(new PlanChange(PlanChangeKind.HostRemoved, "hv-000", "no longer in the inventory"), diff.Changes);
        Assert.Contains(new PlanChange(PlanChangeKind.HostAdded, "hv-new", "new in the inventory"), diff.Changes);
    }

    [Fact]
    public void Compare_FactsChanged_NamesFieldsWithOldAndNewValues()
    {
        var input = PlanFixtures.Input(hosts: 4);
        var facts = new Dictionary<string, HostFacts>(input.Facts) { ["hv-002"] = input.Facts["hv-002"] with { BootId = "b2", VmCount = 5 } };

        var diff = PlanDiff.Compare(RolloutPlanner.Plan(input), RolloutPlanner.Plan(input with { Facts = facts }));

        Assert.Equal(
            [new PlanChange(PlanChangeKind.FactsChanged, "hv-002", "bootId boot-hv-002 -> b2, vmCount 4 -> 5")],
            diff.Changes);
    }

    [Fact]
    public void Compare_PlaybookAndBundleDigests_Reported()
    {
        var input = PlanFixtures.Input(hosts: 2);
        var changed = input with
        {
            Playbook = input.Playbook with { Digest = "sha256:p2" },
            Bundle = input.Bundle with { Digest = "sha256:b2" },
        };

        var kinds = PlanDiff.Compare(RolloutPlanner.Plan(input), RolloutPlanner.Plan(changed)).Changes.Select(c => c.Kind);

        Assert.Equal([PlanChangeKind.PlaybookChanged, PlanChangeKind.BundleChanged], kinds);
    }

    [Fact]
    public void Compare_HostBecameNotReady_ReportsExclusionAndFacts()
    {
        var input = PlanFixtures.Input(hosts: 3);
        var facts = new Dictionary<string, HostFacts>(input.Facts) { ["hv-001"] = PlanFixtures.Facts("hv-001", ready: false) };

        var diff = PlanDiff.Compare(RolloutPlanner.Plan(input), RolloutPlanner.Plan(input with { Facts = facts }));

        Assert.Equal(new PlanChange(PlanChangeKind.HostNowExcluded, "hv-001", "libvirtd is not running"), diff.Changes[0]);
        Assert.Equal(PlanChangeKind.FactsChanged, diff.Changes[1].Kind);
        Assert.Contains("ready True -> False", diff.Changes[1].Detail, StringComparison.Ordinal);
    }
}
