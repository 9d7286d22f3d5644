namespace LiveUpdate.Kernel.CommandLine;

/// <summary>
/// An immutable kernel command line: the parameters the kernel reads, in order (repeats kept), and the
/// arguments after <c>--</c>, which the kernel hands to init untouched.
/// </summary>
public sealed class KernelCommandLine
{
    internal const string InitSeparator = "--";

    public KernelCommandLine(IEnumerable<KernelParameter> parameters, IEnumerable<string>? initArguments = null)
    {
        Parameters = [.. parameters];
        InitArguments = [.. initArguments ?? []];
    }

    public static KernelCommandLine Empty { get; } = new([]);

    public IReadOnlyList<KernelParameter> Parameters { get; }

    /// <summary>Everything after <c>--</c>, as init receives it (<c>key=value</c> rejoined).</summary>
    public IReadOnlyList<string> InitArguments { get; }

    /// <summary>Parses text (for example the content of /proc/cmdline) with the kernel's own rules.</summary>
    /// <exception cref="KernelCommandLineException">A double quote is never closed.</exception>
    public static KernelCommandLine Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parameters = new List<KernelParameter>();
        var init = new List<string>();
        var afterSeparator = false;
        foreach (var token in KernelCommandLineTokenizer.Tokenize(text))
        {
            if (afterSeparator)
            {
                init.Add(KernelCommandLineFormatter.Join(token));
            }
            else if (token.Value is null && token.Key == InitSeparator)
            {
                afterSeparator = true;
            }
            else
            {
                parameters.Add(new KernelParameter(token.Key, token.Value));
            }
        }

        return new KernelCommandLine(parameters, init);
    }

    /// <summary>The values of every occurrence of <paramref name="key"/>, in order (null for a bare flag).</summary>
    public IEnumerable<string?> GetAll(string key) =>
        Parameters.Where(p => p.Key == key).Select(p => p.Value);

    /// <summary>The value of the last occurrence, which is the one most kernel parameters honour.</summary>
    public string? GetLast(string key) => Parameters.LastOrDefault(p => p.Key == key)?.Value;

    public bool Has(string key) => Parameters.Any(p => p.Key == key);

    /// <summary>A copy without any occurrence of <paramref name="key"/>.</summary>
    public KernelCommandLine Without(string key) =>
        new(Parameters.Where(p => p.Key != key), InitArguments);

    /// <summary>A copy with <c>key=value</c> appended (a bare flag when value is null).</summary>
    /// <exception cref="KernelCommandLineException">The kernel could not read the parameter back unchanged.</exception>
    public KernelCommandLine With(string key, string? value)
    {
        var parameter = new KernelParameter(key, value);
        _ = KernelCommandLineFormatter.FormatParameter(parameter);
        return new KernelCommandLine([.. Parameters, parameter], InitArguments);
    }

    /// <summary>Kernel syntax; parsing it gives back the same parameters and init arguments.</summary>
    public override string ToString()
    {
        var parts = Parameters.Select(KernelCommandLineFormatter.FormatParameter).ToList();
        if (InitArguments.Count > 0)
        {
            parts.Add(InitSeparator);
            parts.AddRange(InitArguments.Select(KernelCommandLineFormatter.FormatInitArgument));
        }

        return string.Join(' ', parts);
    }
}
