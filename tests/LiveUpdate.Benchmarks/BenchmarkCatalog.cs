namespace LiveUpdate.Benchmarks;

/// <summary>Every benchmark `make bench` runs, in the order it prints them.</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new LibvirtSuspendResumeBenchmark(),
        new AgentOverheadBenchmark(),
        .. PlannerBenchmark.All,
        new MakespanBenchmark(),
    ];
}
