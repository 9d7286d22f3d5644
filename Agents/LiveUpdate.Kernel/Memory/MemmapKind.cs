namespace LiveUpdate.Kernel.Memory;

/// <summary>The forms of the x86 <c>memmap=</c> parameter (arch/x86/kernel/e820.c).</summary>
public enum MemmapKind
{
    /// <summary><c>nn!ss</c>: legacy persistent memory (e820 type 12), seen as /dev/pmemN.</summary>
    Persistent,

    /// <summary><c>nn$ss</c>: reserved; the kernel never touches it.</summary>
    Reserved,

    /// <summary><c>nn#ss</c>: ACPI data.</summary>
    AcpiData,

    /// <summary><c>nn@ss</c>: usable RAM.</summary>
    Usable,

    /// <summary>Bare <c>nn</c>: no RAM above this address is used.</summary>
    Limit,

    /// <summary><c>exactmap</c>: the firmware memory map is discarded; only memmap= entries count.</summary>
    ExactMap,
}
