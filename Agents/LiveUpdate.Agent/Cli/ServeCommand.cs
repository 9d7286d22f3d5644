using System.CommandLine;

namespace LiveUpdate.Agent.Cli;

/// <summary>`liveupdate-agent serve`: the daemon.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the agent daemon (gRPC over mutual TLS).");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("liveupdate-agent: serve is not available in this build");
            return AgentCli.Failed;
        });
        return command;
    }
}
