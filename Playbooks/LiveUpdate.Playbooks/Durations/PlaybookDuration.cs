using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LiveUpdate.Playbooks;

/// <summary>
/// Durations as playbooks write them: one or more of <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>, largest
/// unit first, each at most once (<c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>, <c>1m30s</c>).
/// </summary>
public static partial class PlaybookDuration
{
    /// <summary>The grammar, also used by the JSON schema (written to be valid ECMA-262 as well as .NET).</summary>
    public const string Pattern = "^(?=[0-9])([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?$";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null)
        {
            return false;
        }

        var match = DurationRegex().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // Int128 so that absurd inputs fail the range check instead of overflowing.
        Int128 milliseconds = 0;
        ReadOnlySpan<(int Group, long Factor)> units = [(1, 3_600_000), (2, 60_000), (3, 1_000), (4, 1)];
        foreach (var (group, factor) in units)
        {
            var value = match.Groups[group].Value;
            if (value.Length == 0)
            {
                continue;
            }

            var digits = value.AsSpan().TrimEnd("hms");
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            milliseconds += (Int128)amount * factor;
        }

        if (milliseconds > (Int128)TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds((long)milliseconds);
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException(
                $"'{text}' is not a duration; write it like 500ms, 30s, 2m, 1h or 1m30s.");

    /// <summary>The canonical text of <paramref name="duration"/>; anything below a millisecond is dropped.</summary>
    public static string Format(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);

        var remaining = duration.Ticks / TimeSpan.TicksPerMillisecond;
        if (remaining == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        ReadOnlySpan<(long Factor, string Unit)> units = [(3_600_000, "h"), (60_000, "m"), (1_000, "s"), (1, "ms")];
        foreach (var (factor, unit) in units)
        {
            var amount = remaining / factor;
            remaining %= factor;
            if (amount > 0)
            {
                text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();
}
