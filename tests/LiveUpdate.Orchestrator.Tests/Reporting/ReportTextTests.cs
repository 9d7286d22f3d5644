using LiveUpdate.Orchestrator.Reporting;

namespace LiveUpdate.Orchestrator.Tests.Reporting;

public sealed class ReportTextTests
{
    [Fact]
    public void Format_MixedOutcomes_ShowsKernelsBlackoutsReasonsAndPercentiles()
    {
        var text = ReportText.Format(ReportFixtures.ThreeHosts());

        Assert.Contains("6.1.0-47-lab -> 6.1.0-50-lab", text, StringComparison.Ordinal);
        Assert.Contains("reason: save-vms: Read-only file system", text, StringComparison.Ordinal);
        Assert.Contains("save=200ms!", text, StringComparison.Ordinal);
        Assert.Contains("VM blackout over 2 host(s): p50 800ms  p90 1s200ms  p99 1s200ms  max 1s200ms", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new int[0], null, null)]
    [InlineData(new[] { 5 }, 5, 5)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5, 10)]
    public void Percentiles_NearestRank_MatchesDefinition(int[] values, int? p50, int? p99)
    {
        var p = BlackoutPercentiles.Of(values.Select(v => TimeSpan.FromMilliseconds(v)).ToList());

        Assert.Equal(p50, p.P50?.Milliseconds);
        Assert.Equal(p99, p.P99?.Milliseconds);
        Assert.Equal(values.Length, p.Count);
    }
}
