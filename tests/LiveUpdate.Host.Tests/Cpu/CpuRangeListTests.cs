using LiveUpdate.Host.Cpu;

namespace LiveUpdate.Host.Tests.Cpu;

public sealed class CpuRangeListTests
{
    [Theory]
    [InlineData("0-3,5\n", new[] { 0, 1, 2, 3, 5 })]
    [InlineData("0", new[] { 0 })]
    [InlineData("0,2-3,7-8", new[] { 0, 2, 3, 7, 8 })]
    [InlineData("\n", new int[0])]
    public void Parse_KernelList_ReturnsCpus(string text, int[] expected)
    {
        Assert.Equal(expected, CpuRangeList.Parse(text));
    }

    [Theory]
    [InlineData("3-1")]
    [InlineData("0-a")]
    [InlineData("-1")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => CpuRangeList.Parse(text));
    }

    [Fact]
    public void Format_GappedSet_CollapsesRuns()
    {
        Assert.Equal("0-3,5,7-8", CpuRangeList.Format([8, 0, 1, 2, 3, 5, 7]));
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        int[] cpus = [1, 2, 4, 9, 10, 11];

        Assert.Equal(cpus, CpuRangeList.Parse(CpuRangeList.Format(cpus)));
    }
}
