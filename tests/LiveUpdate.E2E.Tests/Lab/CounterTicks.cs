using System.Globalization;

namespace LiveUpdate.E2E.Tests.Lab;

/// <summary>
/// The counter VM as the lab's serial console shows it (deploy/lab/agent/lab-start): "LUCOUNTR tick 0x..."
/// every 128 ticks and "LUCOUNTR boot" once per guest boot, behind <see cref="Live"/> as they come, or
/// behind <see cref="Saved"/> when the new kernel prints what the VM wrote up to its suspend.
/// </summary>
public sealed record CounterTicks(IReadOnlyList<(double At, long Value)> Ticks, int Boots)
{
    public const string Live = "COUNTER ";
    public const string Saved = "COUNTER_SAVED ";

    public static bool IsTick(SerialLine line) => line.Text.StartsWith(Live + "LUCOUNTR tick 0x", StringComparison.Ordinal);

    public bool Consecutive => Ticks.Zip(Ticks.Skip(1)).All(p => p.Second.Value == p.First.Value + 0x80);

    public string Values => string.Join(" ", Ticks.Select(t => $"0x{t.Value:x}"));

    public static CounterTicks From(IEnumerable<SerialLine> lines, string prefix = Live)
    {
        var tick = prefix + "LUCOUNTR tick 0x";
        var ticks = new List<(double, long)>();
        var boots = 0;
        foreach (var line in lines)
        {
            if (line.Text.StartsWith(prefix + "LUCOUNTR boot", StringComparison.Ordinal))
            {
                boots++;
            }
            else if (line.Text.StartsWith(tick, StringComparison.Ordinal) && long.TryParse(line.Text.AsSpan(tick.Length).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                ticks.Add((line.At, value));
            }
        }

        return new CounterTicks(ticks, boots);
    }
}
