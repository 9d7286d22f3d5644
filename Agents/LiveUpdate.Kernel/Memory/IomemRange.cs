namespace LiveUpdate.Kernel.Memory;

/// <summary>One line of /proc/iomem with the ranges nested under it. <see cref="End"/> is inclusive, as printed.</summary>
public sealed record IomemRange(ulong Start, ulong End, string Name, int Depth, IReadOnlyList<IomemRange> Children)
{
    public ulong Size => End - Start + 1;

    /// <summary>True when [start, start+size) lies inside this range.</summary>
    public bool Contains(ulong start, ulong size) => size > 0 && start >= Start && start + size - 1 <= End;

    /// <summary>True when [start, start+size) shares at least one byte with this range.</summary>
    public bool Intersects(ulong start, ulong size) => size > 0 && start <= End && start + size - 1 >= Start;
}
