using LiveUpdate.Host.Cpu;

namespace LiveUpdate.Host.Tests.Cpu;

public sealed class CpuTopologyTests
{
    [Fact]
    public void ChooseCpuToOffline_SeveralOnline_PicksHighestHotpluggable()
    {
        CpuTopology topology = Topology(new CpuState(0, true, false), new CpuState(1, true, true), new CpuState(2, true, true), new CpuState(3, false, true));

        Assert.Equal(2, topology.ChooseCpuToOffline());
    }

    [Fact]
    public void ChooseCpuToOffline_OnlyOneOnline_ReturnsNull()
    {
        CpuTopology topology = Topology(new CpuState(0, false, true), new CpuState(1, true, true));

        Assert.Null(topology.ChooseCpuToOffline());
    }

    [Fact]
    public void ChooseCpuToOffline_NoHotpluggableOnline_ReturnsNull()
    {
        CpuTopology topology = Topology(new CpuState(0, true, false), new CpuState(1, true, false));

        Assert.Null(topology.ChooseCpuToOffline());
    }

    private static CpuTopology Topology(params CpuState[] cpus)
    {
        int[] ids = [.. cpus.Select(c => c.Id)];
        return new CpuTopology(ids, ids, cpus);
    }
}
