using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Tests.Specs;

public sealed class MaintenanceWindowTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("2025-01-06T00:30:00Z", true)]   // Monday 01:30 in Berlin (UTC+1)
    [InlineData("2025-01-05T23:30:00Z", false)]  // Monday 00:30 in Berlin: before the window
    [InlineData("2025-01-06T04:00:00Z", false)]  // Monday 05:00 in Berlin: the end is exclusive
    [InlineData("2025-01-10T01:00:00Z", false)]  // Friday
    [InlineData("2025-07-07T00:30:00Z", true)]   // Monday 02:30 in Berlin summer time (UTC+2)
    public void IsOpen_WeekdayNightWindow_FollowsTimeZone(string instant, bool open)
    {
        var window = new MaintenanceWindow([DayOfWeek.Monday], new TimeOnly(1, 0), new TimeOnly(5, 0), Berlin);

        Assert.Equal(open, window.IsOpen(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2025-01-10T23:00:00Z", true)]   // Friday 23:00
    [InlineData("2025-01-11T02:00:00Z", true)]   // Saturday 02:00, still Friday's window
    [InlineData("2025-01-11T23:00:00Z", false)]  // Saturday 23:00: Saturday is not a window day
    [InlineData("2025-01-10T02:00:00Z", false)]  // Friday 02:00 belongs to Thursday
    public void IsOpen_WindowPastMidnight_BelongsToOpeningDay(string instant, bool open)
    {
        var window = new MaintenanceWindow([DayOfWeek.Friday], new TimeOnly(22, 0), new TimeOnly(4, 0), TimeZoneInfo.Utc);

        Assert.Equal(open, window.IsOpen(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
