using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>The spec's maintenance windows taken together: no window means always open.</summary>
internal static class MaintenanceWindows
{
    // Windows are given to the minute; a week of minutes covers every weekly schedule.
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    private const int WeekOfMinutes = 7 * 24 * 60;

    public static bool IsOpen(IReadOnlyList<MaintenanceWindow> windows, DateTimeOffset now) =>
        windows.Count == 0 || windows.Any(w => w.IsOpen(now));

    /// <summary>The first minute boundary after <paramref name="now"/> at which a window is open; null if none within a week.</summary>
    public static DateTimeOffset? NextOpening(IReadOnlyList<MaintenanceWindow> windows, DateTimeOffset now)
    {
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % Step.Ticks), now.Offset) + Step;
        for (var i = 0; i <= WeekOfMinutes; i++, minute += Step)
        {
            if (IsOpen(windows, minute))
            {
                return minute;
            }
        }

        return null;
    }
}
