using System.Globalization;
using System.Text;
using CsCheck;
using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Layout;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Tests.Layout;

public sealed class LayoutPropertyTests
{
    private const ulong G = 1UL << 30;

    // 1-3 PMEM regions above 4G (sizes and gaps in GiB), each spelled canonically or in hex.
    private static readonly Gen<(ulong Start, ulong Size, bool Hex)[]> PmemLayout =
        Gen.Select(Gen.ULong[1, 4], Gen.ULong[0, 3], Gen.Bool).Array[1, 3].Select(parts =>
        {
            var next = 4 * G;
            var regions = new (ulong, ulong, bool)[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                var (size, gap, hex) = parts[i];
                regions[i] = (next + (gap * G), size * G, hex);
                next += (gap + size) * G;
            }

            return regions;
        });

    private static readonly Gen<string> Template = Gen.OneOfConst(
        "${inherit}", "${inherit} quiet", "${inherit:root,console} ro", "root=/dev/vda1 console=ttyS0", "${inherit} -- single");

    [Fact]
    public void Plan_AppliedToItsOwnOutput_KeepsPmemAlternatesSlotAndCountsGenerations()
    {
        Gen.Select(PmemLayout, Template, Gen.Bool, Gen.Int[1, 20], Gen.Int[0, 1]).Sample((pmem, template, multikernel, generations, firstSlot) =>
        {
            var memmap = string.Join(' ', pmem.Select(p => "memmap=" + (p.Hex ? $"0x{p.Size:x}!0x{p.Start:x}" : $"{p.Size / G}G!{p.Start / G}G")));
            var slots = $"liveupdate.slots=1G@1G,1G@2G liveupdate.slot={firstSlot} memmap=1G${(firstSlot == 0 ? 2 : 1)}G";
            var running = KernelCommandLine.Parse($"BOOT_IMAGE=/vmlinuz root=/dev/vda1 console=tty0 {memmap} {slots}");
            var iomem = IomemParser.Parse(Iomem(pmem));
            var expectedPmem = running.GetAll("memmap").Where(v => v!.Contains('!', StringComparison.Ordinal)).ToList();

            for (var generation = 1; generation <= generations; generation++)
            {
                var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(generation)));
                var result = LayoutPlanner.Plan(new LayoutRequest(running, iomem, template, digest, multikernel, (ulong)pmem.Length * G, G));
                Assert.True(result.Succeeded, string.Join("\n", result.Errors));
                var next = KernelCommandLine.Parse(result.Plan!.NextCommandLine.ToString());

                Assert.Equal(expectedPmem, next.GetAll("memmap").Where(v => v!.Contains('!', StringComparison.Ordinal)));
                Assert.Equal(pmem.Select(p => new MemmapRegion(MemmapKind.Persistent, p.Start, p.Size)), result.Plan.PmemRegions);
                Assert.Equal((ulong)generation, result.Plan.Generation);
                Assert.Equal(generation.ToString(CultureInfo.InvariantCulture), next.GetLast("liveupdate.generation"));
                Assert.Equal(digest, next.GetLast("liveupdate.bundle"));
                var expectedSlot = (firstSlot + generation) % 2;
                Assert.Equal(multikernel ? expectedSlot : null, result.Plan.Slot?.Index);
                Assert.Equal((multikernel ? expectedSlot : firstSlot).ToString(CultureInfo.InvariantCulture), next.GetLast("liveupdate.slot"));
                running = next;
            }
        }, iter: 5000);
    }

    private static string Iomem((ulong Start, ulong Size, bool Hex)[] pmem)
    {
        var text = new StringBuilder("00100000-ffffffff : System RAM\n");
        foreach (var (start, size, _) in pmem)
        {
            text.Append(CultureInfo.InvariantCulture, $"{start:x}-{start + size - 1:x} : Persistent Memory (legacy)\n");
        }

        return text.ToString();
    }
}
