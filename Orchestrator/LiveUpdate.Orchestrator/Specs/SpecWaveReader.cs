using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>
/// Reads <c>waves</c> and <c>failureBudget</c>. A wave list that shrinks (<c>[5, 2]</c>) is allowed, as Ansible's
/// <c>serial</c> allows it, but warned about: it is far more often a typo than an intent.
/// </summary>
internal static class SpecWaveReader
{
    public static IReadOnlyList<WaveSize> ReadWaves(YamlSequenceNode? sequence, YamlNode fallbackLocation, DiagnosticBag bag)
    {
        if (sequence is null || sequence.Children.Count == 0)
        {
            bag.Error(sequence ?? fallbackLocation, "'waves' needs at least one entry, e.g. [1, 5%, 25%, 100%]");
            return [];
        }

        var waves = new List<WaveSize>(sequence.Children.Count);
        WaveSize? lastCount = null;
        WaveSize? lastPercent = null;
        foreach (var node in sequence.Children)
        {
            if (TryParseWave(node, bag) is not { } wave)
            {
                continue;
            }

            var previous = wave.Percent is null ? lastCount : lastPercent;
            if (previous is not null && Size(wave) < Size(previous))
            {
                bag.Warning(node, $"wave '{wave}' is smaller than an earlier wave '{previous}'; waves usually grow");
            }

            if (wave.Percent is null)
            {
                lastCount = wave;
            }
            else
            {
                lastPercent = wave;
            }

            waves.Add(wave);
        }

        return waves;
    }

    public static FailureBudget ReadFailureBudget(YamlNode? node, DiagnosticBag bag)
    {
        if (node is null || YamlDocumentReader.IsNull(node))
        {
            return FailureBudget.Hosts(0);
        }

        var text = YamlDocumentReader.ScalarText(node)?.Trim() ?? string.Empty;
        if (text.EndsWith('%') && TryPercent(text[..^1], allowZero: true, out var percent))
        {
            return FailureBudget.OfFleet(percent);
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return FailureBudget.Hosts(count);
        }

        bag.Error(node, $"'failureBudget' must be a host count (2) or a percentage from 0% to 100% (10%), got '{text}'");
        return FailureBudget.Hosts(0);
    }

    private static WaveSize? TryParseWave(YamlNode node, DiagnosticBag bag)
    {
        var text = YamlDocumentReader.ScalarText(node)?.Trim() ?? string.Empty;
        if (text.EndsWith('%'))
        {
            if (TryPercent(text[..^1], allowZero: false, out var percent))
            {
                return WaveSize.OfFleet(percent);
            }

            bag.Error(node, $"wave '{text}' must be a percentage above 0% and at most 100%");
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            return WaveSize.Hosts(count);
        }

        bag.Error(node, $"wave '{text}' must be a host count of at least 1 or a percentage like 25%");
        return null;
    }

    private static bool TryPercent(string text, bool allowZero, out decimal percent) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out percent)
        && percent <= 100m
        && (allowZero ? percent >= 0m : percent > 0m);

    private static decimal Size(WaveSize wave) => wave.Percent ?? wave.Count;
}
