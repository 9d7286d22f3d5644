using System.CommandLine;

namespace LiveUpdate.Agent.Cli;

/// <summary>The `liveupdate-agent` command tree: the daemon and the checks an operator runs by hand.</summary>
public static class AgentCli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static RootCommand BuildRoot() => new("liveupdate-agent — the LiveUpdate host agent: executes live kernel updates on this host.")
    {
        ServeCommand.Create(),
        PreflightCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"liveupdate-agent: {e.Message}");
            }

            await error.WriteLineAsync("Try 'liveupdate-agent --help'.");
            return Usage;
        }

        // `serve` stops through the host (finishing or compensating steps in flight); the parser must not
        // cut that short with its default 2 s termination timeout.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, ct);
    }
}
