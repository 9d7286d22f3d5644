using LiveUpdate.Orchestrator.Planning;

namespace LiveUpdate.Orchestrator.Tests.Planning;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Next_SeedZero_MatchesReferenceOutput()
    {
        var random = new SplitMix64(0);

        // The first outputs for seed 0 under the published definition (Vigna, splitmix64.c).
        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
    }

    [Fact]
    public void NextBelow_Bound_StaysInRangeAndCoversIt()
    {
        var random = new SplitMix64(7);
        var seen = new bool[5];

        for (var i = 0; i < 200; i++)
        {
            seen[random.NextBelow(5)] = true;
        }

        Assert.All(seen, Assert.True);
    }
}
