using System.CommandLine;
using System.Runtime.InteropServices;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Supervision;

namespace LiveUpdate.Cli.Commands.Lab;

/// <summary>`liveupdate lab supervise`: the lab's supervisor process (started by `lab up`; runs until SIGTERM).</summary>
internal static class LabSuperviseCommand
{
    public static Command Create()
    {
        var dir = LabCommand.DirectoryOption();
        var command = new Command("supervise", "Run a lab's hosts in the foreground until SIGTERM (started by `lab up`).") { dir };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            await using var supervisor = new LabSupervisor(new LabFiles(parse.GetRequiredValue(dir).FullName));
            await supervisor.StartAsync(stop.Token);
            await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return ExitCodes.Ok;
        });
        return command;
    }
}
