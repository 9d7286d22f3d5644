using LiveUpdate.Kernel.CommandLine;

namespace LiveUpdate.Kernel.Tests.CommandLine;

public sealed class KernelCommandLineTests
{
    [Fact]
    public void Parse_ProcCmdline_KeepsOrderFlagsAndValues()
    {
        var cmdline = KernelCommandLine.Parse("BOOT_IMAGE=/boot/vmlinuz-6.1 root=UUID=ab-cd ro quiet\n");

        Assert.Equal(
            [new("BOOT_IMAGE", "/boot/vmlinuz-6.1"), new("root", "UUID=ab-cd"), new("ro", null), new("quiet", null)],
            cmdline.Parameters);
        Assert.Empty(cmdline.InitArguments);
    }

    [Theory]
    [InlineData("dyndbg=\"file a.c +p\"", "dyndbg", "file a.c +p")]
    [InlineData("\"dyndbg=file a.c +p\"", "dyndbg", "file a.c +p")]
    [InlineData("key=\"\"", "key", "")]
    [InlineData("key=", "key", "")]
    [InlineData("key=a\"b c\"d", "key", "a\"b c\"d")]
    [InlineData("\t key=v\t", "key", "v")]
    public void Parse_QuotingForms_FollowKernelRules(string text, string key, string value)
    {
        var parameter = Assert.Single(KernelCommandLine.Parse(text).Parameters);

        Assert.Equal(new KernelParameter(key, value), parameter);
    }

    [Fact]
    public void Parse_RepeatedKey_KeepsEveryOccurrenceInOrder()
    {
        var cmdline = KernelCommandLine.Parse("console=tty0 quiet console=ttyS0,115200");

        Assert.Equal(["tty0", "ttyS0,115200"], cmdline.GetAll("console"));
        Assert.Equal("ttyS0,115200", cmdline.GetLast("console"));
        Assert.True(cmdline.Has("quiet"));
        Assert.False(cmdline.Has("splash"));
        Assert.Null(cmdline.GetLast("splash"));
    }

    [Fact]
    public void Parse_DoubleDash_KeepsRestAsInitArguments()
    {
        var cmdline = KernelCommandLine.Parse("ro -- single \"x=a b\" --");

        Assert.Equal([new KernelParameter("ro", null)], cmdline.Parameters);
        Assert.Equal(["single", "x=a b", "--"], cmdline.InitArguments);
        Assert.Equal("ro -- single \"x=a b\" --", cmdline.ToString());
    }

    [Theory]
    [InlineData("ro key=\"abc", 8)]
    [InlineData("\"ro", 1)]
    [InlineData("a=\"x\" b=c\"d e", 10)]
    public void Parse_UnterminatedQuote_ThrowsWithColumnOfOpeningQuote(string text, int column)
    {
        var e = Assert.Throws<KernelCommandLineException>(() => KernelCommandLine.Parse(text));

        Assert.Equal(column, e.Column);
        Assert.Contains($"column {column}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_RepeatedKey_RemovesEveryOccurrenceAndKeepsInitArguments()
    {
        var cmdline = KernelCommandLine.Parse("memmap=1G!4G ro memmap=1G$2G -- single").Without("memmap");

        Assert.Equal("ro -- single", cmdline.ToString());
    }

    [Fact]
    public void With_ValueWithSpaces_AppendsAndQuotes()
    {
        var cmdline = KernelCommandLine.Parse("ro").With("dyndbg", "file a.c +p").With("quiet", null);

        Assert.Equal("ro dyndbg=\"file a.c +p\" quiet", cmdline.ToString());
        Assert.Equal("file a.c +p", KernelCommandLine.Parse(cmdline.ToString()).GetLast("dyndbg"));
    }

    [Theory]
    [InlineData("k", "a\" \"b c")]
    [InlineData("k", "a\"b")]
    [InlineData("a=b", null)]
    [InlineData("--", null)]
    public void With_ParameterKernelCannotReadBack_Throws(string key, string? value)
    {
        Assert.Throws<KernelCommandLineException>(() => KernelCommandLine.Empty.With(key, value));
    }

    [Fact]
    public void ToString_ValueStartingWithQuote_ReadsBackUnchanged()
    {
        var cmdline = KernelCommandLine.Empty.With("k", "\"x\"");

        Assert.Equal("\"x\"", KernelCommandLine.Parse(cmdline.ToString()).GetLast("k"));
    }
}
