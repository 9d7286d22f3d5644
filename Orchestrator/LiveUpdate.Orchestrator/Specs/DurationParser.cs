using System.Globalization;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>
/// Parses the duration syntax operators already know from Go tools and kured: <c>500ms</c>, <c>30s</c>, <c>2m</c>,
/// <c>1h</c>, <c>1m30s</c>. A bare number is refused because its unit would be a guess.
/// </summary>
internal static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        long ticks = 0;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && (char.IsAsciiDigit(span[digits]) || span[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || !decimal.TryParse(span[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            span = span[digits..];
            var unitLength = 0;
            while (unitLength < span.Length && char.IsAsciiLetter(span[unitLength]))
            {
                unitLength++;
            }

            var unit = UnitTicks(span[..unitLength]);
            if (unit == 0)
            {
                return false;
            }

            span = span[unitLength..];
            try
            {
                ticks = checked(ticks + (long)(number * unit));
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        value = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>The inverse of <see cref="TryParse"/> for display: <c>1m30s</c>, <c>250ms</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>(4);
        if (value.Ticks < 0)
        {
            parts.Add("-");
            value = value.Negate();
        }

        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{hours}h"));
        }

        if (value.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}m"));
        }

        if (value.Seconds > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Seconds}s"));
        }

        if (value.Milliseconds > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Milliseconds}ms"));
        }

        return parts.Count == 0 ? "0s" : string.Concat(parts);
    }

    private static long UnitTicks(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        _ => 0,
    };
}
