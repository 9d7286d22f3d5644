using CsCheck;

namespace LiveUpdate.Playbooks.Tests.Durations;

public sealed class PlaybookDurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h2m3s4ms", 3_723_004)]
    [InlineData("90s", 90_000)]
    [InlineData("0s", 0)]
    public void TryParse_ValidText_ReturnsDuration(string text, long milliseconds)
    {
        Assert.True(PlaybookDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("30 s")]
    [InlineData("30S")]
    [InlineData("1.5s")]
    [InlineData("30s1m")]
    [InlineData("1m1m")]
    [InlineData("-5s")]
    [InlineData("1d")]
    [InlineData("99999999999999999999h")]
    [InlineData("9999999999h")]
    [InlineData(null)]
    public void TryParse_InvalidText_ReturnsFalse(string? text)
    {
        Assert.False(PlaybookDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_600_000, "1h")]
    [InlineData(90_000_000, "25h")]
    [InlineData(3_723_004, "1h2m3s4ms")]
    public void Format_Duration_ReturnsCanonicalText(long milliseconds, string expected)
    {
        Assert.Equal(expected, PlaybookDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Format_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlaybookDuration.Format(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithExamples()
    {
        var exception = Assert.Throws<FormatException>(() => PlaybookDuration.Parse("soon"));

        Assert.Contains("500ms, 30s, 2m, 1h or 1m30s", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatThenParse_AnyWholeMilliseconds_RoundTrips()
    {
        Gen.Long[0, TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond].Sample(milliseconds =>
        {
            var duration = TimeSpan.FromMilliseconds(milliseconds);
            return PlaybookDuration.TryParse(PlaybookDuration.Format(duration), out var parsed) && parsed == duration;
        });
    }

    [Fact]
    public void ParseThenFormat_AnyUnitCombination_MatchesTotal()
    {
        // -1 leaves the unit out.
        var component = Gen.Int[-1, 100_000];
        Gen.Select(component, component, component, component).Sample(units =>
        {
            var (h, m, s, ms) = units;
            var text = Part(h, "h") + Part(m, "m") + Part(s, "s") + Part(ms, "ms");
            var expected = TimeSpan.FromHours(Math.Max(h, 0)) + TimeSpan.FromMinutes(Math.Max(m, 0))
                + TimeSpan.FromSeconds(Math.Max(s, 0)) + TimeSpan.FromMilliseconds(Math.Max(ms, 0));
            var ok = PlaybookDuration.TryParse(text, out var parsed);
            return text.Length == 0
                ? !ok
                : ok && parsed == expected && PlaybookDuration.Parse(PlaybookDuration.Format(parsed)) == parsed;
        });
    }

    private static string Part(int amount, string unit) =>
        amount < 0 ? "" : amount.ToString(System.Globalization.CultureInfo.InvariantCulture) + unit;
}
