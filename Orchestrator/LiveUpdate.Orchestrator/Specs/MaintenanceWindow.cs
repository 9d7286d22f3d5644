namespace LiveUpdate.Orchestrator.Specs;

/// <summary>
/// A recurring window in which hosts may start their update, in the style of kured's reboot days and times.
/// A window whose end is before its start runs past midnight; <see cref="Days"/> names the day it opens.
/// </summary>
public sealed record MaintenanceWindow(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End, TimeZoneInfo TimeZone)
{
    /// <summary>True when <paramref name="instant"/> falls inside the window, judged in the window's own time zone.</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (Start < End)
        {
            return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
        }

        // Past midnight: the evening part belongs to today, the morning part to the day before.
        var yesterday = (DayOfWeek)(((int)local.DayOfWeek + 6) % 7);
        return (Days.Contains(local.DayOfWeek) && time >= Start) || (Days.Contains(yesterday) && time < End);
    }
}
