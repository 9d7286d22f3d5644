using CsCheck;
using LiveUpdate.Kernel.CommandLine;

namespace LiveUpdate.Kernel.Tests.CommandLine;

public sealed class KernelCommandLinePropertyTests
{
    private static readonly Gen<string> Key = Gen.Select(
        Gen.Char["abcdefghijklmnopqrstuvwxyz"],
        Gen.String[Gen.Char["abcxyz0123456789_.-"], 0, 10],
        (first, rest) => first + rest);

    private static readonly Gen<string> Memmap = Gen.Select(Gen.ULong[1, 64], Gen.ULong[0, 64], Gen.Char["!$#@"],
        (size, start, op) => $"{size}G{op}{start}G").List[1, 3].Select(l => string.Join(',', l));

    private static readonly Gen<string?> Value = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (4, Gen.String[Gen.Char["ab=,/: \t$!@"], 0, 12].Select(s => (string?)s)),
        (2, Gen.String[Gen.Char["ab \""], 0, 10].Select(s => (string?)s).Where(IsWritable)),
        (1, Memmap.Select(s => (string?)s)));

    private static readonly Gen<KernelParameter> Parameter = Gen.Select(Key, Value, (k, v) => new KernelParameter(k, v));

    [Fact]
    public void ToString_GeneratedCommandLine_ParsesBackToSameParameters()
    {
        Gen.Select(Parameter.List[0, 12], Gen.String[Gen.Char["ab=- "], 1, 6].List[0, 3])
            .Sample((parameters, init) =>
            {
                var cmdline = new KernelCommandLine(parameters, init);

                var reparsed = KernelCommandLine.Parse(cmdline.ToString());

                Assert.Equal(parameters, reparsed.Parameters);
                Assert.Equal(init, reparsed.InitArguments);
            }, iter: 5000);
    }

    [Fact]
    public void With_AnyValueWithoutQuotes_IsAccepted()
    {
        Gen.Select(Key, Gen.String[Gen.Char["ab=,/: \t\n$!@\\'"], 0, 20])
            .Sample((key, value) => Assert.Equal(value, KernelCommandLine.Empty.With(key, value).GetLast(key)), iter: 5000);
    }

    private static bool IsWritable(string? value)
    {
        try
        {
            _ = KernelCommandLine.Empty.With("k", value);
            return true;
        }
        catch (KernelCommandLineException)
        {
            return false;
        }
    }
}
