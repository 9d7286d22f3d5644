using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Layout;

/// <summary>Checks that the PMEM the next kernel inherits exists, is really persistent, and is large enough.</summary>
internal static class PmemValidator
{
    public static void Check(IReadOnlyList<MemmapRegion> pmem, LayoutRequest request, List<LayoutError> errors)
    {
        if (pmem.Count == 0)
        {
            errors.Add(new LayoutError(LayoutErrorCode.PmemMissing,
                "the running kernel has no memmap=SIZE!OFFSET, so there is no PMEM to keep VM state across the switch",
                PmemSuggestion.For(request.Iomem, request.RequiredPmemBytes)));
            return;
        }

        var total = pmem.Aggregate(0UL, (sum, r) => sum + r.Size);
        if (request.RequiredPmemBytes > total)
        {
            errors.Add(new LayoutError(LayoutErrorCode.PmemTooSmall,
                $"the VMs need {MemorySize.Format(request.RequiredPmemBytes)} of PMEM but memmap= provides {MemorySize.Format(total)}",
                "suspend fewer VMs per update, or enlarge memmap=SIZE!OFFSET and cold boot with no VM state in PMEM"));
        }

        if (request.Iomem.AddressesHidden)
        {
            if (request.Iomem.PersistentMemory().Count == 0)
            {
                errors.Add(NotInIomem("memmap=" + string.Join(",", pmem)));
            }

            return;
        }

        foreach (var region in pmem)
        {
            if (request.Iomem.PersistentMemory().Any(r => r.Contains(region.Start, region.Size)))
            {
                continue;
            }

            errors.Add(request.Iomem.SystemRam().Any(r => r.Intersects(region.Start, region.Size))
                ? new LayoutError(LayoutErrorCode.PmemIsSystemRam,
                    $"memmap={region} is System RAM in /proc/iomem: the running kernel uses it as ordinary memory",
                    "check that the kernel honours memmap= (CONFIG_X86_PMEM_LEGACY) and cold boot; VM state placed there would be overwritten")
                : NotInIomem($"memmap={region}"));
        }
    }

    private static LayoutError NotInIomem(string what) =>
        new(LayoutErrorCode.PmemNotInIomem,
            $"{what} is not shown as 'Persistent Memory (legacy)' in /proc/iomem",
            "place memmap=SIZE!OFFSET inside a System RAM range of /proc/iomem (read it as root) and cold boot");
}
