namespace LiveUpdate.Kernel.Layout;

public enum LayoutErrorCode
{
    TemplateSyntax,
    TemplateSetsManaged,
    GenerationInvalid,
    BundleDigestInvalid,
    MemmapSyntax,
    MemmapOverlap,
    PmemMissing,
    PmemNotInIomem,
    PmemIsSystemRam,
    PmemTooSmall,
    SlotsMissing,
    SlotsInvalid,
    SlotInvalid,
    SlotTooSmall,
    SlotOverlapsPmem,
    NextSlotNotReserved,
}
