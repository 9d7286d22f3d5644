using System.Globalization;

namespace LiveUpdate.Benchmarks;

/// <summary>A benchmark measures one figure and says which target it must meet.</summary>
internal interface IBenchmark
{
    string Name { get; }

    BenchResult Run();
}

internal sealed record BenchResult(string Name, double Value, string Unit, string Op, double Target)
{
    public bool Met => Op switch
    {
        ">=" => Value >= Target,
        "<=" => Value <= Target,
        _ => throw new InvalidOperationException($"unknown comparison '{Op}'"),
    };

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"bench: {Name} {Value:0.###} {Unit} target {Op} {Target:0.###}");
}

internal static class BenchmarkRunner
{
    private static IReadOnlyList<IBenchmark> All() => BenchmarkCatalog.All;

    public static int Run(string[] names)
    {
        var selected = All().Where(b => names.Length == 0 || names.Contains(b.Name)).ToList();
        var missed = 0;
        foreach (var bench in selected)
        {
            var result = bench.Run();
            Console.WriteLine(result);
            if (!result.Met)
            {
                missed++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {selected.Count - missed} met, {missed} missed"));
        return missed == 0 ? 0 : 1;
    }
}
