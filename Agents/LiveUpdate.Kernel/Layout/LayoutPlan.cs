using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Layout;

/// <summary>
/// The next kernel's command line and the facts it encodes: the PMEM regions it keeps, its generation, and
/// in multikernel mode the slot it runs in.
/// </summary>
public sealed record LayoutPlan(
    KernelCommandLine NextCommandLine,
    IReadOnlyList<MemmapRegion> PmemRegions,
    ulong Generation,
    KernelSlot? Slot);
