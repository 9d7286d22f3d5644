namespace LiveUpdate.Host.Pmem;

/// <summary>A persistent-memory range from <c>/proc/iomem</c>; <see cref="End"/> is inclusive, as the kernel prints it.</summary>
/// <param name="Legacy">True for <c>memmap=nn!ss</c> regions ("Persistent Memory (legacy)"), false for real NVDIMMs.</param>
public sealed record PmemRegion(ulong Start, ulong End, ulong Size, bool Legacy);
