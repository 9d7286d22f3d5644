using LiveUpdate.Orchestrator.Planning;

namespace LiveUpdate.Orchestrator.Tests.Planning;

public sealed class PlanTableTests
{
    [Fact]
    public void Format_Plan_ShowsHeaderWavesExclusionsAndAlignedColumns()
    {
        var input = PlanFixtures.Input(hosts: 3, spec: PlanFixtures.Spec(waves: [Orchestrator.Specs.WaveSize.Hosts(1), Orchestrator.Specs.WaveSize.OfFleet(100)]));
        var facts = new Dictionary<string, HostFacts>(input.Facts) { ["hv-002"] = PlanFixtures.Facts("hv-002", ready: false) };
        var plan = RolloutPlanner.Plan(input with { Facts = facts });

        var lines = PlanTable.Format(plan).Split(Environment.NewLine);

        Assert.Equal($"Rollout kernel-6.1.0-50  plan {plan.ContentHash}", lines[0]);
        Assert.Equal("2 host(s) in 2 wave(s), 1 excluded, predicted " + LiveUpdate.Playbooks.PlaybookDuration.Format(plan.PredictedMakespan), lines[4]);
        Assert.StartsWith("Wave 1: 1 host(s), predicted ", lines[6], StringComparison.Ordinal);
        Assert.Equal("  HOST    DOMAIN  VMS  VM MEMORY  BLACKOUT  DURATION", lines[7]);
        Assert.Equal("  hv-000  rack-0    4   16.0 GiB  28s300ms  36s300ms", lines[8]);
        Assert.Contains("  hv-002 (rack-2): libvirtd is not running", lines);
    }
}
