using System.Globalization;
using LiveUpdate.Host.Roots;

namespace LiveUpdate.Host.Facts;

/// <summary>The small text formats of procfs/sysfs facts. Each returns a missing fact on text it cannot read.</summary>
internal static class HostFactParsers
{
    public static HostFact<MemoryInfo> ParseMemInfo(string text)
    {
        ulong? total = null;
        ulong? available = null;
        foreach (string line in text.Split('\n'))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || !ulong.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong kib))
            {
                continue;
            }

            switch (fields[0])
            {
                case "MemTotal:":
                    total = kib * 1024;
                    break;
                case "MemAvailable:":
                    available = kib * 1024;
                    break;
            }
        }

        return total is { } t && available is { } a
            ? HostFact<MemoryInfo>.Known(new MemoryInfo(t, a))
            : HostFact<MemoryInfo>.Missing($"{HostPaths.MemInfo} has no MemTotal/MemAvailable lines");
    }

    public static HostFact<LockdownMode> ParseLockdown(string text)
    {
        int open = text.IndexOf('[', StringComparison.Ordinal);
        int close = text.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close <= open)
        {
            return HostFact<LockdownMode>.Missing($"{HostPaths.Lockdown} has no bracketed mode: '{text.Trim()}'");
        }

        return text[(open + 1)..close] switch
        {
            "none" => HostFact<LockdownMode>.Known(LockdownMode.None),
            "integrity" => HostFact<LockdownMode>.Known(LockdownMode.Integrity),
            "confidentiality" => HostFact<LockdownMode>.Known(LockdownMode.Confidentiality),
            string other => HostFact<LockdownMode>.Missing($"{HostPaths.Lockdown} names an unknown mode '{other}'"),
        };
    }

    public static HostFact<bool> ParseFlag(string text, string hostPath) => text.Trim() switch
    {
        "0" => HostFact<bool>.Known(false),
        "1" => HostFact<bool>.Known(true),
        string other => HostFact<bool>.Missing($"{hostPath} holds '{other}', not 0 or 1"),
    };
}
