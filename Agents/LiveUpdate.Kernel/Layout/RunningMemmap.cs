using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Layout;

/// <summary>
/// The running kernel's <c>memmap=</c> parameters, kept with their original text: PMEM must reach the next kernel
/// byte for byte, since any change to it loses the data it holds.
/// </summary>
internal sealed class RunningMemmap
{
    private RunningMemmap(IReadOnlyList<(string Value, IReadOnlyList<string> Pieces, IReadOnlyList<MemmapRegion> Regions)> parameters)
    {
        Parameters = parameters;
    }

    public IReadOnlyList<(string Value, IReadOnlyList<string> Pieces, IReadOnlyList<MemmapRegion> Regions)> Parameters { get; }

    public IEnumerable<MemmapRegion> Regions => Parameters.SelectMany(p => p.Regions);

    public IReadOnlyList<MemmapRegion> Pmem => [.. Regions.Where(r => r.Kind == MemmapKind.Persistent)];

    public static RunningMemmap? Read(KernelCommandLine running, List<LayoutError> errors)
    {
        var parameters = new List<(string, IReadOnlyList<string>, IReadOnlyList<MemmapRegion>)>();
        foreach (var value in running.GetAll(MemmapParser.ParameterName))
        {
            try
            {
                var regions = MemmapParser.Parse(value ?? throw new MemmapFormatException("memmap", "bare memmap has no value"));
                parameters.Add((value, value.Split(','), regions));
            }
            catch (MemmapFormatException e)
            {
                errors.Add(new LayoutError(LayoutErrorCode.MemmapSyntax, $"running kernel: {e.Message}",
                    "the running kernel ignored this entry; correct memmap= in the boot loader configuration and cold boot"));
                return null;
            }
        }

        return new RunningMemmap(parameters);
    }

    /// <summary>memmap= values for the next kernel: unchanged, except entries <paramref name="drop"/> selects.</summary>
    public IEnumerable<string> Carry(Func<MemmapRegion, bool> drop)
    {
        foreach (var (value, pieces, regions) in Parameters)
        {
            var kept = pieces.Where((_, i) => !drop(regions[i])).ToList();
            if (kept.Count == pieces.Count)
            {
                yield return value;
            }
            else if (kept.Count > 0)
            {
                yield return string.Join(',', kept);
            }
        }
    }

    public void CheckOverlaps(List<LayoutError> errors)
    {
        var addressed = Regions.Where(r => r.IsAddressed).ToList();
        for (var i = 0; i < addressed.Count; i++)
        {
            for (var j = i + 1; j < addressed.Count; j++)
            {
                if (addressed[i].Overlaps(addressed[j]))
                {
                    errors.Add(new LayoutError(LayoutErrorCode.MemmapOverlap,
                        $"memmap={addressed[i]} overlaps memmap={addressed[j]}",
                        "make the memmap= regions disjoint in the boot loader configuration and cold boot; PMEM contents do not survive that"));
                }
            }
        }
    }
}
