using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Tests.Inventory;

public sealed class InventoryOptionsTests
{
    [Theory]
    [InlineData("failureDomainGroupPrefix: rack_\n", "rack_", true)]
    [InlineData("", null, false)]
    public void ForSpec_Prefix_RequiresDomainsOnlyWhenNamed(string line, string? prefix, bool required)
    {
        var spec = RolloutSpecLoader.LoadText(
            $"apiVersion: liveupdate.dev/v1\nkind: Rollout\nname: r\nplaybook: p\nbundle: b\nwaves: [1]\n{line}", "r.yaml").GetValueOrThrow();

        var options = InventoryOptions.ForSpec(spec);

        Assert.Equal(new InventoryOptions(prefix, required), options);
    }
}
