using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Tests.Memory;

public sealed class MemmapParserTests
{
    private const ulong G = 1UL << 30;

    [Theory]
    [InlineData("16G!4G", MemmapKind.Persistent, 4 * G, 16 * G)]
    [InlineData("1G$2G", MemmapKind.Reserved, 2 * G, 1 * G)]
    [InlineData("64K#0x1000", MemmapKind.AcpiData, 0x1000UL, 64UL << 10)]
    [InlineData("1g@0", MemmapKind.Usable, 0UL, 1 * G)]
    [InlineData("4G", MemmapKind.Limit, 0UL, 4 * G)]
    [InlineData("exactmap", MemmapKind.ExactMap, 0UL, 0UL)]
    [InlineData("0x40000000!0x100000000", MemmapKind.Persistent, 4 * G, 1 * G)]
    [InlineData("010K!0", MemmapKind.Persistent, 0UL, 8UL << 10)]
    [InlineData("1T!1P", MemmapKind.Persistent, 1UL << 50, 1UL << 40)]
    public void Parse_EachForm_GivesRegion(string text, MemmapKind kind, ulong start, ulong size)
    {
        var region = Assert.Single(MemmapParser.Parse(text));

        Assert.Equal(new MemmapRegion(kind, start, size), region);
        Assert.Equal(start + size, region.End);
    }

    [Fact]
    public void Parse_CommaList_KeepsOrder()
    {
        var regions = MemmapParser.Parse("exactmap,640K@0,4G!4G");

        Assert.Equal([MemmapKind.ExactMap, MemmapKind.Usable, MemmapKind.Persistent], regions.Select(r => r.Kind));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("abc", "abc")]
    [InlineData("16G!", "16G!")]
    [InlineData("16G?4G", "16G?4G")]
    [InlineData("16G!4Gx", "16G!4Gx")]
    [InlineData("0!4G", "0!4G")]
    [InlineData("08G!4G", "08G!4G")]
    [InlineData("1G%2G-12+2", "1G%2G-12+2")]
    [InlineData("99999999999999999999", "99999999999999999999")]
    [InlineData("16E!16E", "16E!16E")]
    [InlineData("4G!4G,,1G$1G", "")]
    public void Parse_BadSyntax_ThrowsWithOffendingText(string text, string offending)
    {
        var e = Assert.Throws<MemmapFormatException>(() => MemmapParser.Parse(text));

        Assert.Equal(offending, e.Text);
    }

    [Theory]
    [InlineData(MemmapKind.Persistent, 1UL << 30, 256UL << 20, "256M!1G")]
    [InlineData(MemmapKind.Reserved, 0x100000000UL, 0x100000000UL, "4G$4G")]
    [InlineData(MemmapKind.AcpiData, 0x1001UL, 3072UL, "3K#0x1001")]
    [InlineData(MemmapKind.Usable, 0UL, 1536UL << 20, "1536M@0")]
    [InlineData(MemmapKind.Limit, 0UL, 2UL << 40, "2T")]
    public void Format_Region_UsesLargestExactSuffix(MemmapKind kind, ulong start, ulong size, string expected)
    {
        var region = new MemmapRegion(kind, start, size);

        Assert.Equal(expected, MemmapParser.Format(region));
        Assert.Equal(expected, region.ToString());
    }

    [Fact]
    public void FromCommandLine_SeveralParameters_ReturnsAllRegionsInOrder()
    {
        var cmdline = KernelCommandLine.Parse("ro memmap=4G!4G quiet memmap=1G$1G,1G$2G");

        var regions = MemmapParser.FromCommandLine(cmdline);

        Assert.Equal(["4G!4G", "1G$1G", "1G$2G"], regions.Select(r => r.ToString()));
    }

    [Fact]
    public void FromCommandLine_BareMemmap_Throws()
    {
        Assert.Throws<MemmapFormatException>(() => MemmapParser.FromCommandLine(KernelCommandLine.Parse("memmap")));
    }

    [Theory]
    [InlineData("4G!4G", "1G$7G", true)]
    [InlineData("4G!4G", "1G$8G", false)]
    [InlineData("4G!4G", "1G$3G", false)]
    [InlineData("4G!4G", "16G", false)]
    [InlineData("4G!4G", "exactmap", false)]
    public void Overlaps_Regions_OnlyWhenAddressesShared(string a, string b, bool expected)
    {
        var left = Assert.Single(MemmapParser.Parse(a));
        var right = Assert.Single(MemmapParser.Parse(b));

        Assert.Equal(expected, left.Overlaps(right));
        Assert.Equal(expected, right.Overlaps(left));
    }
}
