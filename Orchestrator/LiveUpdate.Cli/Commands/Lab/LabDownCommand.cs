using System.CommandLine;
using LiveUpdate.Lab;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Supervision;

namespace LiveUpdate.Cli.Commands.Lab;

/// <summary>`liveupdate lab down`: stops exactly what `lab up` started, then removes the lab's files.</summary>
internal static class LabDownCommand
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    public static Command Create()
    {
        var dir = LabCommand.DirectoryOption();
        var keep = new Option<bool>("--keep") { Description = "Keep the lab's files (logs, journals, store) after stopping." };
        var command = new Command("down", "Stop the lab's agents, hypervisors and supervisor, and remove its files.\n\nExample:\n  liveupdate lab down")
        {
            dir, keep,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = new CommandOutput(parse);
            var files = new LabFiles(parse.GetRequiredValue(dir).FullName);
            if (!File.Exists(files.Manifest))
            {
                return output.Fail($"no lab in {files.Directory}", "nothing to stop");
            }

            try
            {
                await LabProcess.StopAsync(files, StopTimeout, ct);
            }
            catch (LabException e)
            {
                return output.Fail(e.Message, e.Fix);
            }

            foreach (var (pid, commandLine) in LabProcessSweep.KillLeftovers(files.Directory))
            {
                output.Error.WriteLine($"lab down: warning: process {pid} outlived the supervisor and was killed: {commandLine}");
            }

            if (!parse.GetValue(keep))
            {
                Directory.Delete(files.Directory, recursive: true);
            }

            output.Out.WriteLine($"lab down: stopped the lab in {files.Directory}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
