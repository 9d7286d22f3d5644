using System.Globalization;
using System.Text;

namespace LiveUpdate.Host.Sandbox;

/// <summary>A /proc/iomem as an x86 guest booted with <c>memmap=SIZE!OFFSET</c> prints it.</summary>
internal static class SandboxIomem
{
    private const ulong LowRamEnd = 0x9fbff;
    private const ulong HighRamStart = 0x100000;

    public static string Render(SandboxHostOptions options)
    {
        var text = new StringBuilder();
        Line(text, 0, 0x0, 0xfff, "Reserved");
        Line(text, 0, 0x1000, LowRamEnd, "System RAM");
        Line(text, 0, 0xf0000, 0xfffff, "Reserved");
        Line(text, 1, 0xf0000, 0xfffff, "System ROM");
        ulong ramEnd = HighRamStart + options.RamBytes - 1;
        if (options.PmemBytes == 0 || options.PmemOffset > ramEnd)
        {
            Ram(text, HighRamStart, ramEnd);
            return text.ToString();
        }

        ulong pmemEnd = options.PmemOffset + options.PmemBytes - 1;
        Ram(text, HighRamStart, options.PmemOffset - 1);
        Line(text, 0, options.PmemOffset, pmemEnd, "Persistent Memory (legacy)");
        Line(text, 1, options.PmemOffset, pmemEnd, "namespace0.0");
        Line(text, 0, pmemEnd + 1, pmemEnd + 1 + (ramEnd - options.PmemOffset), "System RAM");
        return text.ToString();
    }

    private static void Ram(StringBuilder text, ulong start, ulong end)
    {
        Line(text, 0, start, end, "System RAM");
        if (end >= 0x27fffff)
        {
            Line(text, 1, 0x1000000, 0x1ffffff, "Kernel code");
            Line(text, 1, 0x2000000, 0x27fffff, "Kernel rodata");
        }
    }

    private static void Line(StringBuilder text, int depth, ulong start, ulong end, string name) =>
        text.Append(' ', depth * 2).Append(CultureInfo.InvariantCulture, $"{start:x8}-{end:x8} : {name}\n");
}
