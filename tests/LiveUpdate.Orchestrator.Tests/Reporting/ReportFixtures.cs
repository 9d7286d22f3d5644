using LiveUpdate.Orchestrator.Reporting;

namespace LiveUpdate.Orchestrator.Tests.Reporting;

internal static class ReportFixtures
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static RolloutReport ThreeHosts() => new(
        "r-1",
        "lab-6.1.0-50-lab",
        "Completed",
        T0,
        T0.AddSeconds(30),
        [
            Host("hv-01", "rack-a", 1, "succeeded", blackoutMs: 800, startS: 0),
            Host("hv-02", "rack-b", 2, "succeeded", blackoutMs: 1200, startS: 10),
            Host("hv-03", "rack-c", 2, "rolled-back", blackoutMs: null, startS: 10, reason: "save-vms: Read-only file system"),
        ]);

    private static ReportHost Host(string name, string domain, int wave, string outcome, int? blackoutMs, int startS, string? reason = null)
    {
        var start = T0.AddSeconds(startS);
        return new ReportHost(
            name,
            domain,
            wave,
            "6.1.0-47-lab",
            outcome == "succeeded" ? "6.1.0-50-lab" : null,
            outcome,
            blackoutMs is null ? null : TimeSpan.FromMilliseconds(blackoutMs.Value),
            start,
            start.AddSeconds(5),
            [
                new ReportStep("load", "load-kernel", start, TimeSpan.FromMilliseconds(300), true),
                new ReportStep("suspend", "suspend-vms", start.AddSeconds(1), TimeSpan.FromMilliseconds(20), true),
                new ReportStep("save", "save-vms", start.AddSeconds(1.02), TimeSpan.FromMilliseconds(200), outcome == "succeeded"),
            ],
            reason);
    }
}
