using System.Text;

namespace LiveUpdate.Host.Pmem;

/// <summary>Parses the mount table format, where the kernel escapes space, tab, newline and backslash as octal.</summary>
internal static class MountTable
{
    public static IReadOnlyList<MountEntry> Parse(string text)
    {
        var entries = new List<MountEntry>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split(' ');
            if (fields.Length >= 4)
            {
                entries.Add(new MountEntry(Unescape(fields[0]), Unescape(fields[1]), fields[2], fields[3]));
            }
        }

        return entries;
    }

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
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

    private static bool IsOctal(string s, int at) =>
        at + 3 <= s.Length && s.AsSpan(at, 3).ContainsAnyExceptInRange('0', '7') is false;
}
