using System.Diagnostics;
using LiveUpdate.Cli;

namespace LiveUpdate.E2E.Tests.Orchestration;

/// <summary>One in-process run of `liveupdate`, as an operator would type it, with its exit code, both streams and its wall time.</summary>
internal sealed record CliRun(string[] Args, int ExitCode, string Out, string Error, TimeSpan Took)
{
    public static async Task<CliRun> RunAsync(string[] args, TimeSpan limit)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var deadline = new CancellationTokenSource(limit);
        var clock = Stopwatch.StartNew();
        var code = await CliApp.RunAsync(args, output, error, deadline.Token);
        return new CliRun(args, code, output.ToString(), error.ToString(), clock.Elapsed);
    }

    /// <summary>The run as a log block: the command line, what it printed, how it ended.</summary>
    public override string ToString() =>
        $"$ liveupdate {string.Join(' ', Args)}\n{Out}{(Error.Length > 0 ? "stderr:\n" + Error : "")}exit {ExitCode} after {Took.TotalSeconds:F1} s\n";
}
