using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Layout;

/// <summary>Proposes a <c>memmap=SIZE!OFFSET</c> for a host that has no PMEM yet.</summary>
internal static class PmemSuggestion
{
    private const ulong Gigabyte = 1UL << 30;

    // The top of the largest System RAM range, 1 GiB aligned: low memory stays with the kernel, and
    // 1 GiB alignment lets the PMEM device be mapped with huge pages.
    public static string For(IomemMap iomem, ulong requiredBytes)
    {
        var size = Math.Max(Gigabyte, AlignUp(requiredBytes));
        var largest = iomem.AddressesHidden
            ? null
            : iomem.Roots.Where(r => r.Name == IomemMap.SystemRamName).MaxBy(r => r.Size);
        if (largest is not null)
        {
            var end = (largest.End + 1) & ~(Gigabyte - 1);
            var start = end - size;
            if (end > size && start >= AlignUp(largest.Start) && start - largest.Start >= Gigabyte)
            {
                var suggestion = new MemmapRegion(MemmapKind.Persistent, start, size);
                return $"add memmap={suggestion} to the boot loader's kernel command line and cold boot "
                    + $"(it takes {MemorySize.Format(size)} from System RAM {largest.Start:x}-{largest.End:x})";
            }
        }

        return $"add memmap={MemorySize.Format(size)}!OFFSET, with OFFSET inside a System RAM range of /proc/iomem "
            + "(read it as root), to the boot loader's kernel command line and cold boot";
    }

    private static ulong AlignUp(ulong value) => (value + Gigabyte - 1) & ~(Gigabyte - 1);
}
