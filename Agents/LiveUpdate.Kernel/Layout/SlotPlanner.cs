using System.Globalization;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Layout;

/// <summary>
/// Multikernel slots: <c>liveupdate.slots=A,B</c> declares two regions, <c>liveupdate.slot=i</c> the one the
/// running kernel lives in. The next kernel takes the other one, and reserves the running kernel's slot with
/// <c>memmap=SIZE$ADDR</c> so that, one generation later, its successor finds that memory untouched.
/// </summary>
internal sealed record SlotPlanner(string SlotsValue, IReadOnlyList<MemmapRegion> Slots, int Current)
{
    public int Next => 1 - Current;

    public KernelSlot NextSlot => new(Next, Slots[Next].Start, Slots[Next].Size);

    public MemmapRegion ReservationFor(int index) => new(MemmapKind.Reserved, Slots[index].Start, Slots[index].Size);

    public bool IsSlotReservation(MemmapRegion region) =>
        region.Kind == MemmapKind.Reserved && Slots.Any(s => s.Start == region.Start && s.Size == region.Size);

    public static SlotPlanner? Read(LayoutRequest request, List<LayoutError> errors)
    {
        var value = request.Running.GetLast(ManagedParameters.Slots);
        if (value is null)
        {
            errors.Add(new LayoutError(LayoutErrorCode.SlotsMissing,
                "multikernel mode needs kernel slots, but the running kernel has no liveupdate.slots=",
                "boot with liveupdate.slots=1G@1G,1G@2G liveupdate.slot=0 memmap=1G$2G (two free RAM regions, the second reserved)"));
            return null;
        }

        IReadOnlyList<MemmapRegion> slots;
        try
        {
            slots = MemmapParser.Parse(value);
        }
        catch (MemmapFormatException e)
        {
            slots = [];
            errors.Add(SlotsInvalid($"liveupdate.slots={value}: {e.Message}"));
        }

        if (slots.Count > 0 && (slots.Count != 2 || slots.Any(s => s.Kind != MemmapKind.Usable) || slots[0].Overlaps(slots[1])))
        {
            errors.Add(SlotsInvalid($"liveupdate.slots={value} must be two disjoint SIZE@ADDR regions"));
            return null;
        }

        var current = ReadCurrent(request.Running.GetLast(ManagedParameters.Slot), errors);
        return slots.Count == 2 && current is { } index ? new SlotPlanner(value, slots, index) : null;
    }

    public void Check(LayoutRequest request, RunningMemmap memmap, List<LayoutError> errors)
    {
        var next = Slots[Next];
        if (request.RequiredSlotBytes > next.Size)
        {
            errors.Add(new LayoutError(LayoutErrorCode.SlotTooSmall,
                $"slot {Next} ({MemorySize.Format(next.Size)}) is smaller than the {MemorySize.Format(request.RequiredSlotBytes)} the next kernel and initramfs need",
                "use a smaller initramfs, or enlarge both liveupdate.slots= regions (and the memmap=$ reservation) and cold boot"));
        }

        foreach (var pmem in memmap.Pmem.Where(p => p.Overlaps(next) || p.Overlaps(Slots[Current])))
        {
            errors.Add(new LayoutError(LayoutErrorCode.SlotOverlapsPmem,
                $"memmap={pmem} overlaps a kernel slot of liveupdate.slots={SlotsValue}",
                "move the slots out of PMEM in the boot loader configuration and cold boot"));
        }

        if (!memmap.Regions.Any(r => r.Kind == MemmapKind.Reserved && r.Start <= next.Start && r.End >= next.End))
        {
            errors.Add(new LayoutError(LayoutErrorCode.NextSlotNotReserved,
                $"slot {Next} ({next}) is not reserved on the running kernel, which may be using that memory",
                $"add memmap={ReservationFor(Next)} to the running kernel's command line and cold boot"));
        }
    }

    private static int? ReadCurrent(string? value, List<LayoutError> errors)
    {
        if (value is null)
        {
            return 0;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && slot is 0 or 1)
        {
            return slot;
        }

        errors.Add(new LayoutError(LayoutErrorCode.SlotInvalid, $"liveupdate.slot={value} is not 0 or 1",
            "boot with liveupdate.slot=0 or liveupdate.slot=1, naming the slot the kernel was loaded into"));
        return null;
    }

    private static LayoutError SlotsInvalid(string message) =>
        new(LayoutErrorCode.SlotsInvalid, message, "declare two disjoint regions, e.g. liveupdate.slots=1G@1G,1G@2G, and cold boot");
}
