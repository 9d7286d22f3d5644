using LiveUpdate.Orchestrator.Planning;

namespace LiveUpdate.Orchestrator.Tests.Planning;

public sealed class RolloutPlanJsonTests
{
    [Fact]
    public void Deserialize_SerializedPlan_RoundTripsExactly()
    {
        var input = PlanFixtures.Input(hosts: 12);
        var facts = new Dictionary<string, HostFacts>(input.Facts) { ["hv-003"] = PlanFixtures.Facts("hv-003", ready: false) };
        var plan = RolloutPlanner.Plan(input with { Facts = facts, Spec = PlanFixtures.Spec(order: Orchestrator.Specs.RolloutOrder.Random, seed: 9) });
        var json = RolloutPlanJson.Serialize(plan);

        var back = RolloutPlanJson.Deserialize(json);

        Assert.Equal(json, RolloutPlanJson.Serialize(back));
        Assert.Equal(plan.ContentHash, PlanHasher.Compute(back));
        Assert.Equal(9UL, back.Limits.Seed);
        Assert.Equal(plan.Excluded[0].Reasons, back.Excluded[0].Reasons);
        Assert.True(PlanDiff.Compare(plan, back).IsEmpty);
    }

    [Fact]
    public void Serialize_CompactAndIndented_SameHashAfterReading()
    {
        var plan = RolloutPlanner.Plan(PlanFixtures.Input(hosts: 5));

        var compact = RolloutPlanJson.Deserialize(RolloutPlanJson.Serialize(plan, indented: false));
        var indented = RolloutPlanJson.Deserialize(RolloutPlanJson.Serialize(plan, indented: true));

        Assert.Equal(compact.ContentHash, indented.ContentHash);
        Assert.Contains("\"rolloutName\": \"kernel-6.1.0-50\"", RolloutPlanJson.Serialize(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Durations_WrittenAsSpecDurationsAndSubMillisecondsKept()
    {
        var spec = PlanFixtures.Spec() with { Settle = TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(30) };
        var odd = PlanFixtures.Spec() with { Settle = TimeSpan.FromTicks(12_345) };

        var json = RolloutPlanJson.Serialize(RolloutPlanner.Plan(PlanFixtures.Input(hosts: 2, spec: spec)));
        var oddBack = RolloutPlanJson.Deserialize(RolloutPlanJson.Serialize(RolloutPlanner.Plan(PlanFixtures.Input(hosts: 2, spec: odd))));

        Assert.Contains("\"settle\": \"1m30ms\"", json, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromTicks(12_345), oddBack.Limits.Settle);
    }

    [Fact]
    public void Deserialize_EditedPlan_ThrowsPlanFormatException()
    {
        var json = RolloutPlanJson.Serialize(RolloutPlanner.Plan(PlanFixtures.Input(hosts: 5)));
        var edited = json.Replace("\"maxInCriticalSection\": 4", "\"maxInCriticalSection\": 40", StringComparison.Ordinal);
        Assert.NotEqual(json, edited);

        var ex = Assert.Throws<PlanFormatException>(() => RolloutPlanJson.Deserialize(edited));
        Assert.Contains("edited after planning", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\": \"something/else\"}")]
    public void Deserialize_NotAPlan_ThrowsPlanFormatException(string json) =>
        Assert.Throws<PlanFormatException>(() => RolloutPlanJson.Deserialize(json));
}
