using System.Globalization;

namespace LiveUpdate.Kernel.Memory;

/// <summary>
/// Parses /proc/iomem: <c>%*s%0*llx-%0*llx : %s</c> per line (kernel/resource.c <c>r_show()</c>), two spaces of
/// indentation per nesting level.
/// </summary>
public static class IomemParser
{
    /// <exception cref="IomemFormatException">A line that is not <c>START-END : NAME</c> or nests wrongly.</exception>
    public static IomemMap Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var roots = new List<Node>();
        var open = new List<Node>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var node = ParseLine(line, lineNumber);
            if (node.Depth > open.Count)
            {
                throw new IomemFormatException(lineNumber, $"nested {node.Depth} levels deep, but the line before allows at most {open.Count}");
            }

            open.RemoveRange(node.Depth, open.Count - node.Depth);
            (node.Depth == 0 ? roots : open[^1].Children).Add(node);
            open.Add(node);
        }

        var all = roots.Count > 0 && roots.All(AllZero);
        return new IomemMap([.. roots.Select(r => r.Build())], all);
    }

    private static bool AllZero(Node node) => node.Start == 0 && node.End == 0 && node.Children.All(AllZero);

    private static Node ParseLine(string line, int lineNumber)
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        if (indent % 2 != 0)
        {
            throw new IomemFormatException(lineNumber, "indentation must be two spaces per level");
        }

        var separator = line.IndexOf(" :", indent, StringComparison.Ordinal);
        var dash = line.IndexOf('-', indent);
        if (separator < 0 || dash < 0 || dash > separator)
        {
            throw new IomemFormatException(lineNumber, $"expected 'START-END : NAME', got '{line.Trim()}'");
        }

        var start = ParseHex(line[indent..dash], lineNumber);
        var end = ParseHex(line[(dash + 1)..separator], lineNumber);
        if (end < start)
        {
            throw new IomemFormatException(lineNumber, $"range ends ({end:x}) before it starts ({start:x})");
        }

        var name = line[(separator + 2)..];
        name = name.StartsWith(' ') ? name[1..] : name;
        return new Node(start, end, name.TrimEnd(), indent / 2);
    }

    private static ulong ParseHex(string text, int lineNumber) =>
        text.Length > 0 && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new IomemFormatException(lineNumber, $"'{text}' is not a hexadecimal address");

    private sealed class Node(ulong start, ulong end, string name, int depth)
    {
        public ulong Start { get; } = start;
        public ulong End { get; } = end;
        public int Depth { get; } = depth;
        public List<Node> Children { get; } = [];

        public IomemRange Build() => new(Start, End, name, Depth, [.. Children.Select(c => c.Build())]);
    }
}
