using CsCheck;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Tests.Memory;

public sealed class MemmapPropertyTests
{
    // Values built as mantissa << shift, so every suffix and plain byte counts are all exercised.
    private static readonly Gen<ulong> Number = Gen.Select(Gen.ULong[0, 5000], Gen.Int[0, 45], (m, shift) => m << shift);

    private static readonly Gen<MemmapRegion> Region = Gen.Select(
            Gen.Enum<MemmapKind>(), Number.Where(n => n > 0), Number,
            (kind, size, start) => kind switch
            {
                MemmapKind.Limit => new MemmapRegion(kind, 0, size),
                MemmapKind.ExactMap => new MemmapRegion(kind, 0, 0),
                _ => new MemmapRegion(kind, start, size),
            });

    [Fact]
    public void Format_GeneratedRegion_ParsesBack()
    {
        Region.Sample(region => Assert.Equal(region, Assert.Single(MemmapParser.Parse(MemmapParser.Format(region)))), iter: 10000);
    }

    [Fact]
    public void Parse_HexDecimalAndSuffixSpellings_AgreeWithCanonical()
    {
        Gen.Select(Gen.ULong[1, 1 << 20], Gen.ULong[0, 1 << 20]).Sample((mib, startMib) =>
        {
            var canonical = Assert.Single(MemmapParser.Parse($"{mib}M!{startMib}M"));

            Assert.Equal(canonical, Assert.Single(MemmapParser.Parse($"0x{mib << 20:x}!{startMib << 20}")));
            Assert.Equal(canonical, Assert.Single(MemmapParser.Parse($"{mib << 10}k!0x{startMib << 20:X}")));
        }, iter: 5000);
    }

    [Fact]
    public void Format_GeneratedList_ParsesBackInOrder()
    {
        Region.List[1, 6].Sample(regions => Assert.Equal(regions, MemmapParser.Parse(MemmapParser.Format(regions))), iter: 5000);
    }
}
