using System.Globalization;

namespace LiveUpdate.E2E.Tests.Lab;

/// <summary>One line of the lab's serial console: its position, the host's seconds since QEMU start, the text.</summary>
public sealed record SerialLine(int Index, double At, string Text)
{
    /// <summary>Parses "%8.3f text" as lab-qemu.sh writes it; lines without a timestamp keep At = -1.</summary>
    public static SerialLine Parse(int index, string raw)
    {
        var trimmed = raw.TrimStart();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && double.TryParse(trimmed[..space], NumberStyles.Float, CultureInfo.InvariantCulture, out var at))
        {
            return new SerialLine(index, at, trimmed[(space + 1)..]);
        }

        return new SerialLine(index, -1, raw);
    }

    public override string ToString() => $"{At,8:F3} {Text}";
}
