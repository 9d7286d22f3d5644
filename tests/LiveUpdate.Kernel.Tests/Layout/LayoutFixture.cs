using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Layout;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Tests.Layout;

internal static class LayoutFixture
{
    public const string Digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    // RAM 1M-4G and 8G-17G, legacy PMEM 4G-8G (memmap=4G!4G).
    public const string Iomem = """
        00000000-00000fff : Reserved
        00100000-ffffffff : System RAM
          01000000-01ffffff : Kernel code
        100000000-1ffffffff : Persistent Memory (legacy)
          100000000-1ffffffff : namespace0.0
        200000000-43fffffff : System RAM
        """;

    public static LayoutPlanResult Plan(string running, string template = "${inherit}", bool multikernel = false,
        string iomem = Iomem, ulong requiredPmem = 0, ulong requiredSlot = 0) =>
        LayoutPlanner.Plan(new LayoutRequest(KernelCommandLine.Parse(running), IomemParser.Parse(iomem), template, Digest,
            multikernel, requiredPmem, requiredSlot));

    public static LayoutPlan Succeed(LayoutPlanResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Plan!;
    }
}
