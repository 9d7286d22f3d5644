namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014). The plan's random order must be the same on every machine and .NET
/// version for a given seed, which <see cref="Random"/> does not promise; this generator is fixed by its definition.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound): rejection sampling, because a plain modulo favours small values.</summary>
    public ulong NextBelow(ulong bound)
    {
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = Next();
            if (r >= threshold)
            {
                return r % bound;
            }
        }
    }
}
