using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Tests.Specs;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    public void TryParse_ValidText_ReturnsDuration(string text, long milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("2 minutes")]
    [InlineData("5d")]
    [InlineData("s")]
    [InlineData("-5s")]
    public void TryParse_InvalidText_ReturnsFalse(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(250, "250ms")]
    [InlineData(0, "0s")]
    [InlineData(3_723_004, "1h2m3s4ms")]
    public void Format_Duration_RoundTrips(long milliseconds, string expected)
    {
        var formatted = DurationParser.Format(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, formatted);
        Assert.True(DurationParser.TryParse(formatted, out var back));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), back);
    }
}
