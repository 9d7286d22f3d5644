using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Layout;

/// <summary>Parameters the planner writes itself; templates may neither set nor inherit them.</summary>
internal static class ManagedParameters
{
    public const string Prefix = "liveupdate.";
    public const string Generation = "liveupdate.generation";
    public const string Bundle = "liveupdate.bundle";
    public const string Slots = "liveupdate.slots";
    public const string Slot = "liveupdate.slot";

    // BOOT_IMAGE and initrd are written by boot loaders; after kexec_file_load they would name the wrong files.
    private static readonly string[] Exact = [MemmapParser.ParameterName, "BOOT_IMAGE", "initrd", "liveupdate"];

    public static bool IsManaged(string key) =>
        Exact.Contains(key, StringComparer.Ordinal) || key.StartsWith(Prefix, StringComparison.Ordinal);
}
