namespace LiveUpdate.Kernel.CommandLine;

/// <summary>
/// Splits text into parameters exactly as the kernel's <c>next_arg()</c> (lib/cmdline.c) does, so what we
/// plan is what the next kernel will see. The one difference: an unterminated quote, which the kernel
/// silently runs to the end of the line, is refused here.
/// </summary>
internal static class KernelCommandLineTokenizer
{
    internal readonly record struct Token(string Key, string? Value);

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var pos = 0;
        while (true)
        {
            while (pos < text.Length && IsSpace(text[pos]))
            {
                pos++;
            }

            if (pos == text.Length)
            {
                return tokens;
            }

            tokens.Add(NextToken(text, ref pos));
        }
    }

    private static Token NextToken(string text, ref int pos)
    {
        var quoted = text[pos] == '"';
        var openQuote = quoted ? pos : -1;
        if (quoted)
        {
            pos++;
        }

        var start = pos;
        var inQuote = quoted;
        var equals = -1;
        for (; pos < text.Length; pos++)
        {
            var c = text[pos];
            if (IsSpace(c) && !inQuote)
            {
                break;
            }

            if (equals < 0 && c == '=')
            {
                equals = pos;
            }

            if (c == '"')
            {
                inQuote = !inQuote;
                openQuote = inQuote ? pos : openQuote;
            }
        }

        if (inQuote)
        {
            throw new KernelCommandLineException(openQuote + 1, "unterminated double quote; close it or remove it");
        }

        var end = pos;
        var lastIsQuote = end > start && text[end - 1] == '"';
        if (equals < 0)
        {
            var keyEnd = quoted && lastIsQuote ? end - 1 : end;
            return new Token(text[start..keyEnd], null);
        }

        var valueStart = equals + 1;
        var valueEnd = end;
        if (valueStart < end && text[valueStart] == '"')
        {
            valueStart++;
            if (lastIsQuote)
            {
                valueEnd = Math.Max(end - 1, valueStart);
                lastIsQuote = false;
            }
        }

        if (quoted && lastIsQuote)
        {
            valueEnd--;
        }

        return new Token(text[start..equals], text[valueStart..valueEnd]);
    }

    // The kernel's isspace(): space, \t, \n, \v, \f, \r.
    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
