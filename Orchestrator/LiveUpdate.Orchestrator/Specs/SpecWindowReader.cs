using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>Reads <c>windows</c>: days, <c>HH:mm</c> start and end, and an IANA time zone (default UTC).</summary>
internal static class SpecWindowReader
{
    private static readonly string[] Fields = ["days", "start", "end", "timeZone"];

    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday,
    };

    public static IReadOnlyList<MaintenanceWindow> Read(YamlSequenceNode? sequence, DiagnosticBag bag)
    {
        var windows = new List<MaintenanceWindow>();
        foreach (var node in sequence?.Children ?? [])
        {
            if (node is not YamlMappingNode mapping)
            {
                bag.Error(node, "each window must be a mapping with days, start, end and timeZone");
                continue;
            }

            if (ReadOne(mapping, bag) is { } window)
            {
                windows.Add(window);
            }
        }

        return windows;
    }

    private static MaintenanceWindow? ReadOne(YamlMappingNode mapping, DiagnosticBag bag)
    {
        var errorsBefore = bag.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
        var fields = new YamlFields(mapping, bag, "window", Fields);
        var days = ReadDays(fields.Sequence("days"), mapping, bag);
        var start = ReadTime(fields, "start", bag);
        var end = ReadTime(fields, "end", bag);
        var zone = ReadZone(fields, bag);
        if (start is { } s && end is { } e && s == e)
        {
            bag.Error(fields.Node("end")!, "a window's end must differ from its start");
        }

        var failed = bag.Items.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore;
        return failed ? null : new MaintenanceWindow(days, start!.Value, end!.Value, zone!);
    }

    private static List<DayOfWeek> ReadDays(YamlSequenceNode? sequence, YamlMappingNode window, DiagnosticBag bag)
    {
        if (sequence is null || sequence.Children.Count == 0)
        {
            bag.Error(sequence ?? (YamlNode)window, "a window needs 'days', e.g. [mon, tue, wed, thu]");
            return [];
        }

        var days = new List<DayOfWeek>();
        foreach (var node in sequence.Children)
        {
            var text = YamlDocumentReader.ScalarText(node) ?? string.Empty;
            if (!DayNames.TryGetValue(text, out var day))
            {
                bag.Error(node, $"unknown day '{text}' (use mon, tue, wed, thu, fri, sat, sun)");
                continue;
            }

            if (!days.Contains(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    private static TimeOnly? ReadTime(YamlFields fields, string name, DiagnosticBag bag)
    {
        var text = fields.String(name, required: true);
        if (text is null)
        {
            return null;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            bag.Error(fields.Node(name)!, $"'{name}' must be a 24-hour time HH:mm, got '{text}'");
            return null;
        }

        return time;
    }

    private static TimeZoneInfo? ReadZone(YamlFields fields, DiagnosticBag bag)
    {
        var id = fields.String("timeZone", required: false);
        if (id is null)
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            bag.Error(fields.Node("timeZone")!, $"unknown time zone '{id}' (use an IANA id such as Europe/Berlin or UTC)");
            return null;
        }
    }
}
