namespace LiveUpdate.Kernel.CommandLine;

/// <summary>
/// Writes parameters so that the kernel reads them back unchanged. Rather than encode the quoting rules a
/// second time, each candidate spelling is checked with the tokenizer and the first faithful one wins.
/// </summary>
internal static class KernelCommandLineFormatter
{
    public static string FormatParameter(KernelParameter parameter)
    {
        var (key, value) = (parameter.Key, parameter.Value);
        string[] candidates = value is null
            ? [key, $"\"{key}\""]
            : [$"{key}={value}", $"{key}=\"{value}\"", $"\"{key}={value}\""];
        foreach (var candidate in candidates)
        {
            if (TryReadSingle(candidate, out var token) && token.Key == key && token.Value == value
                && !(value is null && key == KernelCommandLine.InitSeparator))
            {
                return candidate;
            }
        }

        throw new KernelCommandLineException(0,
            $"parameter '{key}' with value '{value}' cannot be written so that the kernel reads it back unchanged; "
            + "avoid whitespace, '=' and unbalanced double quotes in keys, and unbalanced quotes in values");
    }

    public static string FormatInitArgument(string argument)
    {
        foreach (var candidate in new[] { argument, $"\"{argument}\"" })
        {
            if (TryReadSingle(candidate, out var token) && Join(token) == argument)
            {
                return candidate;
            }
        }

        throw new KernelCommandLineException(0,
            $"init argument '{argument}' cannot be written so that the kernel passes it unchanged");
    }

    internal static string Join(KernelCommandLineTokenizer.Token token) =>
        token.Value is null ? token.Key : $"{token.Key}={token.Value}";

    private static bool TryReadSingle(string candidate, out KernelCommandLineTokenizer.Token token)
    {
        token = default;
        if (candidate.Length == 0)
        {
            return false;
        }

        List<KernelCommandLineTokenizer.Token> tokens;
        try
        {
            tokens = KernelCommandLineTokenizer.Tokenize(candidate);
        }
        catch (KernelCommandLineException)
        {
            return false;
        }

        if (tokens.Count != 1)
        {
            return false;
        }

        token = tokens[0];
        return true;
    }
}
