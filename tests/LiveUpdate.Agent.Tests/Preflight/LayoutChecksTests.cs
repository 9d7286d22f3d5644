using LiveUpdate.Agent.Preflight;
using LiveUpdate.Kernel.Layout;

namespace LiveUpdate.Agent.Tests.Preflight;

public sealed class LayoutChecksTests
{
    [Theory]
    [InlineData(LayoutErrorCode.PmemMissing, "pmem-missing")]
    [InlineData(LayoutErrorCode.NextSlotNotReserved, "next-slot-not-reserved")]
    [InlineData(LayoutErrorCode.MemmapSyntax, "memmap-syntax")]
    public void CodeOf_PlannerCode_KebabCase(LayoutErrorCode code, string expected)
    {
        Assert.Equal(expected, LayoutChecks.CodeOf(code));
    }

    [Theory]
    [InlineData(0UL, "0 B")]
    [InlineData(512UL << 20, "512 MiB")]
    [InlineData(3UL << 29, "1.5 GiB")]
    public void ByteSizeFormat_Sizes_BinaryUnits(ulong bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }
}
