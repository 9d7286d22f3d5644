using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Layout;

/// <summary>
/// Everything the planner needs: the running kernel's /proc/cmdline and /proc/iomem, the bundle's template and
/// digest, the handover mode, and how much PMEM the VMs' state and how large a slot the next kernel needs
/// (0 = not checked).
/// </summary>
public sealed record LayoutRequest(
    KernelCommandLine Running,
    IomemMap Iomem,
    string Template,
    string BundleDigest,
    bool Multikernel,
    ulong RequiredPmemBytes = 0,
    ulong RequiredSlotBytes = 0);
