using System.CommandLine;

namespace LiveUpdate.Agent.Cli;

/// <summary>`liveupdate-agent preflight`: is this host ready for each shipped playbook, and if not, why.</summary>
internal static class PreflightCommand
{
    public static Command Create()
    {
        var command = new Command("preflight", "Report host facts and readiness for each shipped playbook.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("liveupdate-agent: preflight is not available in this build");
            return AgentCli.Failed;
        });
        return command;
    }
}
