namespace LiveUpdate.Host.Facts;

/// <summary>
/// A kernel build configuration (<c>/proc/config.gz</c> or <c>/boot/config-*</c>). <c># CONFIG_X is not set</c>
/// and an absent line both read as null.
/// </summary>
public sealed class KernelConfig
{
    private readonly Dictionary<string, string> _values;

    private KernelConfig(Dictionary<string, string> values, string source)
    {
        _values = values;
        Source = source;
    }

    /// <summary>Where the configuration was read, as a host path.</summary>
    public string Source { get; }

    public int Count => _values.Count;

    public static KernelConfig Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith("CONFIG_", StringComparison.Ordinal) && equals > 0)
            {
                values[line[..equals]] = Unquote(line[(equals + 1)..]);
            }
        }

        return new KernelConfig(values, source);
    }

    /// <summary>The value (<c>y</c>, <c>m</c>, a number or an unquoted string), or null when not set.</summary>
    public string? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary>True for <c>=y</c> only: the kexec and lockdown options are never modules.</summary>
    public bool IsBuiltIn(string key) => Get(key) == "y";

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
