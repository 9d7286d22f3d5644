namespace LiveUpdate.Kernel.Memory;

/// <summary>
/// One <c>memmap=</c> entry. For <see cref="MemmapKind.Limit"/> the limit is <see cref="Size"/> and Start is 0;
/// for <see cref="MemmapKind.ExactMap"/> both are 0. Neither of those two describes a region, so they never overlap.
/// </summary>
public sealed record MemmapRegion(MemmapKind Kind, ulong Start, ulong Size)
{
    /// <summary>First address after the region.</summary>
    public ulong End => Start + Size;

    /// <summary>True when this entry places memory at an address (not a limit or exactmap).</summary>
    public bool IsAddressed => Kind is not (MemmapKind.Limit or MemmapKind.ExactMap);

    public bool Overlaps(MemmapRegion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return IsAddressed && other.IsAddressed && Size > 0 && other.Size > 0
            && Start < other.End && other.Start < End;
    }

    /// <summary>Kernel syntax, canonical: each number with its largest exact suffix, e.g. <c>256M!1G</c>.</summary>
    public override string ToString() => MemmapParser.Format(this);
}
