namespace LiveUpdate.Kernel.Memory;

/// <summary>The physical memory map from /proc/iomem.</summary>
public sealed class IomemMap
{
    public const string SystemRamName = "System RAM";
    public const string LegacyPersistentName = "Persistent Memory (legacy)";
    public const string PersistentName = "Persistent Memory";

    public IomemMap(IReadOnlyList<IomemRange> roots, bool addressesHidden)
    {
        Roots = roots;
        AddressesHidden = addressesHidden;
    }

    public IReadOnlyList<IomemRange> Roots { get; }

    /// <summary>
    /// True when the file was read without CAP_SYS_ADMIN: the kernel then prints every address as 0, so names
    /// are known but no address can be checked.
    /// </summary>
    public bool AddressesHidden { get; }

    /// <summary>Every range, parents before their children, in file order.</summary>
    public IEnumerable<IomemRange> Flatten() => Roots.SelectMany(Walk);

    public IEnumerable<IomemRange> Named(string name) => Flatten().Where(r => r.Name == name);

    /// <summary>Ranges the kernel shows as persistent memory: memmap=nn!ss ("legacy") or real NVDIMMs.</summary>
    public IReadOnlyList<IomemRange> PersistentMemory() =>
        [.. Flatten().Where(r => r.Name is LegacyPersistentName or PersistentName)];

    public IReadOnlyList<IomemRange> SystemRam() => [.. Named(SystemRamName)];

    private static IEnumerable<IomemRange> Walk(IomemRange range) =>
        range.Children.SelectMany(Walk).Prepend(range);
}
