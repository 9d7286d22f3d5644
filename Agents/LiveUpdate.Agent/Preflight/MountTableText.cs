using System.Text;
using System.Text.RegularExpressions;

namespace LiveUpdate.Agent.Preflight;

/// <summary>
/// Reads <c>/proc/self/mounts</c> text (the kernel escapes space, tab, newline and backslash as octal) and
/// finds the mount a path lives on. Preflight needs every mount, not only the DAX ones PMEM discovery lists,
/// to say where a save target really is.
/// </summary>
internal static partial class MountTableText
{
    public static IReadOnlyList<HostMount> Parse(string text)
    {
        var mounts = new List<HostMount>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split(' ');
            if (fields.Length >= 4)
            {
                mounts.Add(new HostMount(Unescape(fields[0]), Unescape(fields[1]), fields[2], fields[3]));
            }
        }

        return mounts;
    }

    /// <summary>The mount holding <paramref name="hostPath"/>: the longest mount point above it, the later of two equal ones (it is mounted over the first).</summary>
    public static HostMount? Find(IReadOnlyList<HostMount> mounts, string hostPath)
    {
        HostMount? best = null;
        foreach (HostMount mount in mounts)
        {
            if (Contains(mount.MountPoint, hostPath) && (best is null || mount.MountPoint.Length >= best.MountPoint.Length))
            {
                best = mount;
            }
        }

        return best;
    }

    public static bool IsPmemDevice(string device) => PmemDevice().IsMatch(device);

    private static bool Contains(string mountPoint, string path) =>
        mountPoint == "/" || path == mountPoint || path.StartsWith(mountPoint + "/", StringComparison.Ordinal);

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field.AsSpan(i + 1, 3)))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsOctal(ReadOnlySpan<char> digits) => !digits.ContainsAnyExceptInRange('0', '7');

    [GeneratedRegex("^/dev/pmem[0-9]+(p[0-9]+)?$")]
    private static partial Regex PmemDevice();
}
