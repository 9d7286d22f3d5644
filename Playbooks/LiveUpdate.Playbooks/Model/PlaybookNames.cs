namespace LiveUpdate.Playbooks;

/// <summary>The spelling of enum values in playbook files, for parsing and for messages.</summary>
public static class PlaybookNames
{
    private static readonly (HandoverDriverKind Value, string Name)[] HandoverNames =
    [
        (HandoverDriverKind.Kexec, "kexec"),
        (HandoverDriverKind.Multikernel, "multikernel"),
        (HandoverDriverKind.Luo, "luo"),
    ];

    private static readonly (PreservationMethod Value, string Name)[] PreservationNames =
    [
        (PreservationMethod.PmemSave, "pmem-save"),
        (PreservationMethod.PmemSharedMemory, "pmem-shared-memory"),
        (PreservationMethod.DiskSave, "disk-save"),
    ];

    public static IReadOnlyList<string> AllHandovers { get; } = [.. HandoverNames.Select(n => n.Name)];

    public static IReadOnlyList<string> AllPreservations { get; } = [.. PreservationNames.Select(n => n.Name)];

    public static string ToPlaybookName(this HandoverDriverKind value) =>
        HandoverNames.Single(n => n.Value == value).Name;

    public static string ToPlaybookName(this PreservationMethod value) =>
        PreservationNames.Single(n => n.Value == value).Name;

    public static bool TryParseHandover(string name, out HandoverDriverKind value) =>
        TryFind(HandoverNames, name, out value);

    public static bool TryParsePreservation(string name, out PreservationMethod value) =>
        TryFind(PreservationNames, name, out value);

    private static bool TryFind<T>((T Value, string Name)[] table, string name, out T value)
        where T : struct
    {
        foreach (var entry in table)
        {
            if (entry.Name == name)
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
