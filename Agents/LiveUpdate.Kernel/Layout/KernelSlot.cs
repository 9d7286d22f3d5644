namespace LiveUpdate.Kernel.Layout;

/// <summary>A multikernel slot: the physical memory one kernel generation runs in (index 0 or 1).</summary>
public sealed record KernelSlot(int Index, ulong Start, ulong Size);
