using System.Globalization;
using System.Text;

namespace LiveUpdate.Host.Cpu;

/// <summary>The kernel's CPU list format (<c>0-3,5,7-8</c>) used by the possible/present/online files.</summary>
public static class CpuRangeList
{
    public static IReadOnlyList<int> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cpus = new SortedSet<int>();
        foreach (string part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                cpus.Add(ParseCpu(part, text));
                continue;
            }

            int first = ParseCpu(part[..dash], text);
            int last = ParseCpu(part[(dash + 1)..], text);
            if (last < first)
            {
                throw new FormatException($"CPU list '{text}' has a descending range '{part}'.");
            }

            for (int cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return [.. cpus];
    }

    public static string Format(IEnumerable<int> cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        int[] sorted = [.. cpus.Distinct().Order()];
        var text = new StringBuilder();
        for (int i = 0; i < sorted.Length; i++)
        {
            int start = sorted[i];
            while (i + 1 < sorted.Length && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(CultureInfo.InvariantCulture, $"{start}");
            if (sorted[i] != start)
            {
                text.Append(CultureInfo.InvariantCulture, $"-{sorted[i]}");
            }
        }

        return text.ToString();
    }

    private static int ParseCpu(string value, string whole) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int cpu)
            ? cpu
            : throw new FormatException($"CPU list '{whole}' has '{value}', which is not a CPU number.");
}
