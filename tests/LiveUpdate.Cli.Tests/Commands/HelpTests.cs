using System.CommandLine;

namespace LiveUpdate.Cli.Tests.Commands;

/// <summary>Every command an operator can ask `--help` of (groups included) shows, in its own text, one way to call it.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in Walk(CliApp.BuildRoot(), "liveupdate").Skip(1))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommandAndGroup_ShowsAnExampleCallingItself(string path)
    {
        var args = path.Split(' ').Skip(1).Append("--help").ToArray();
        var output = new StringWriter();

        var exit = await CliApp.RunAsync(args, output, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        var help = output.ToString();
        var own = Walk(CliApp.BuildRoot(), "liveupdate").Single(c => c.Path == path).Command.Description ?? "";
        var example = own.IndexOf("Example", StringComparison.Ordinal);
        Assert.True(example >= 0, $"`{path}` has no example of its own:\n{help}");
        Assert.Contains("\n  " + path, own[example..], StringComparison.Ordinal);
        Assert.Contains(own.Trim()[..20], help, StringComparison.Ordinal);
    }

    /// <summary>Every command an operator sees (hidden ones, run only by the tool itself, left out), with its path.</summary>
    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            foreach (var found in Walk(sub, path + " " + sub.Name))
            {
                yield return found;
            }
        }
    }
}
