using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Tests.Memory;

public sealed class IomemParserTests
{
    // A QEMU guest booted with memmap=4G!4G, as root.
    internal const string Sample = """
        00000000-00000fff : Reserved
        00001000-0009fbff : System RAM
        000f0000-000fffff : Reserved
          000f0000-000fffff : System ROM
        00100000-bffdffff : System RAM
          01000000-01ffffff : Kernel code
          02000000-0220ffff : Kernel data
        c0000000-febfffff : PCI Bus 0000:00
          fd000000-fdffffff : 0000:00:02.0
            fd000000-fdffffff : bochs-drm
        100000000-1ffffffff : Persistent Memory (legacy)
          100000000-1ffffffff : namespace0.0
        200000000-43fffffff : System RAM

        """;

    [Fact]
    public void Parse_RootOutput_BuildsTreeByIndentation()
    {
        var map = IomemParser.Parse(Sample);

        Assert.False(map.AddressesHidden);
        Assert.Equal(7, map.Roots.Count);
        var pci = map.Roots[4];
        Assert.Equal("PCI Bus 0000:00", pci.Name);
        var bochs = Assert.Single(Assert.Single(pci.Children).Children);
        Assert.Equal(("bochs-drm", 2, 0xfd000000UL, 0xfdffffffUL), (bochs.Name, bochs.Depth, bochs.Start, bochs.End));
        Assert.Equal(0x1000000UL, bochs.Size);
        Assert.Equal(13, map.Flatten().Count());
        Assert.Equal(["Reserved", "System RAM", "Reserved", "System ROM"], map.Flatten().Take(4).Select(r => r.Name));
    }

    [Fact]
    public void PersistentMemory_LegacyRegion_IsFoundWithItsAddresses()
    {
        var map = IomemParser.Parse(Sample);

        var pmem = Assert.Single(map.PersistentMemory());
        Assert.Equal((0x100000000UL, 0x1ffffffffUL), (pmem.Start, pmem.End));
        Assert.True(pmem.Contains(4UL << 30, 4UL << 30));
        Assert.False(pmem.Contains(4UL << 30, (4UL << 30) + 1));
        Assert.Equal([0x1000UL, 0x100000UL, 0x200000000UL], map.SystemRam().Select(r => r.Start));
        Assert.Single(map.Named("namespace0.0"));
    }

    [Fact]
    public void Parse_NonRootOutput_KeepsNamesAndFlagsHiddenAddresses()
    {
        const string text = "00000000-00000000 : Reserved\n00000000-00000000 : System RAM\n  00000000-00000000 : Kernel code\n00000000-00000000 : \n";

        var map = IomemParser.Parse(text);

        Assert.True(map.AddressesHidden);
        Assert.Equal(["Reserved", "System RAM", "Kernel code", ""], map.Flatten().Select(r => r.Name));
    }

    [Theory]
    [InlineData("00000000-00000fff : Reserved\n   00001000-00001fff : x\n", 2)]
    [InlineData("00000000-00000fff : Reserved\n    00001000-00001fff : x\n", 2)]
    [InlineData("00000000-00000fff Reserved\n", 1)]
    [InlineData("0000zz00-00000fff : Reserved\n", 1)]
    [InlineData("\n\n00001000-00000fff : Backwards\n", 3)]
    [InlineData("  00001000-00001fff : orphan\n", 1)]
    [InlineData("00000000- : Reserved\n", 1)]
    public void Parse_MalformedLine_ThrowsWithLineNumber(string text, int line)
    {
        var e = Assert.Throws<IomemFormatException>(() => IomemParser.Parse(text));

        Assert.Equal(line, e.Line);
    }
}
