using System.CommandLine;
using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Reporting;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Cli.Commands.Rollout;

/// <summary>
/// The verbs that only read or write the store: status, pause, resume, abort, report. A pause, resume or
/// abort is a durable request in the store; the engine running the rollout (in `apply` or `serve`, in any
/// process) acts on it at its next decision, and it survives an orchestrator restart.
/// </summary>
internal static class StoreCommands
{
    public static Option<string> StoreOption() => Orchestration.OrchestratorSettings.StoreOption();

    public static Command Status()
    {
        var store = StoreOption();
        var rollout = new Argument<string?>("rollout") { Description = "The rollout id (default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        var command = new Command("status", "Show a rollout's state and every host's phase.\n\nExample:\n  liveupdate status --json") { rollout, store, json };
        command.SetAction(parse => WithStore(parse, store, rollout, (output, db, id) =>
        {
            var status = Rollouts.Status(db, id);
            if (parse.GetValue(json))
            {
                output.WriteJson(new
                {
                    id,
                    name = status.Rollout.Name,
                    state = status.Rollout.State.ToString(),
                    wave = status.Rollout.CurrentWave,
                    paused = status.Rollout.PauseRequested,
                    hostsByPhase = status.HostsByPhase.ToDictionary(p => p.Key.ToString(), p => p.Value),
                    blackoutP99Ms = status.BlackoutP99?.TotalMilliseconds,
                    hosts = status.Hosts.Select(h => new { h.Host, h.FailureDomain, h.Wave, phase = h.Phase.ToString(), h.OldKernel, h.NewKernel, blackoutMs = h.Blackout?.TotalMilliseconds, h.Reason }),
                });
            }
            else
            {
                output.Out.WriteLine($"rollout {id} ({status.Rollout.Name}): {status.Rollout.State}, wave {status.Rollout.CurrentWave}{(status.Rollout.PauseRequested ? ", pause requested" : "")}");
                foreach (var h in status.Hosts.OrderBy(h => h.Wave).ThenBy(h => h.Position))
                {
                    output.Out.WriteLine($"  w{h.Wave} {h.Host,-10} {h.FailureDomain,-8} {h.Phase,-14} blackout {ReportText.Duration(h.Blackout),-9} {h.Reason}");
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Control(string verb, RolloutControl control, string description)
    {
        var store = StoreOption();
        var rollout = new Argument<string?>("rollout") { Description = "The rollout id (default: the latest unfinished one).", Arity = ArgumentArity.ZeroOrOne };
        var reason = new Option<string>("--reason") { Description = "Recorded with the request.", DefaultValueFactory = _ => $"{verb} requested by {Environment.UserName}" };
        var command = new Command(verb, $"{description}\n\nExample:\n  liveupdate {verb} --reason \"alert on rack-b\"") { rollout, store, reason };
        command.SetAction(parse => WithStore(parse, store, rollout, (output, db, id) =>
        {
            var record = db.FindRollout(id)!;
            if (RolloutStateMachine.IsFinal(record.State))
            {
                return output.Fail($"rollout {id} has already ended ({record.State}); nothing to {verb}");
            }

            Rollouts.Request(db, id, control, parse.GetRequiredValue(reason), TimeProvider.System.GetUtcNow());
            output.Out.WriteLine($"rollout {id}: {verb} requested; the running orchestrator acts on it at its next decision (hosts inside their blackout always finish)");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Report()
    {
        var store = StoreOption();
        var rollout = new Argument<string?>("rollout") { Description = "The rollout id (default: the latest).", Arity = ArgumentArity.ZeroOrOne };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML page with the timeline and the blackout distribution." };
        var json = CommonOptions.Json();
        var command = new Command("report", "Per-host table (old → new kernel, blackout, steps with durations, outcome) and VM blackout percentiles.\n\nExample:\n  liveupdate report --html report.html") { rollout, store, html, json };
        command.SetAction(parse => WithStore(parse, store, rollout, (output, db, id) =>
        {
            var report = ReportBuilder.Build(db, id);
            if (parse.GetValue(html) is { } page)
            {
                File.WriteAllText(page.FullName, ReportHtml.Render(report));
            }

            if (parse.GetValue(json))
            {
                output.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, ReportJsonContext.Default.RolloutReport));
            }
            else
            {
                output.Out.Write(ReportText.Format(report));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static int WithStore(ParseResult parse, Option<string> storeOption, Argument<string?> rolloutArgument, Func<CommandOutput, IRolloutStore, string, int> action)
    {
        var output = new CommandOutput(parse);
        var location = RolloutStoreLocation.Parse(parse.GetRequiredValue(storeOption));
        var path = location.Text;
        if (!location.MayHoldRollouts)
        {
            return output.Fail($"no orchestrator store at {path}", "pass --store (or set LIVEUPDATE_STORE) to the store `apply` used");
        }

        using var db = location.Open();
        var id = parse.GetValue(rolloutArgument)
            ?? db.ListRollouts().Where(r => !r.Id.EndsWith(".rollback", StringComparison.Ordinal)).OrderBy(r => r.CreatedAt).LastOrDefault()?.Id;
        if (id is null || db.FindRollout(id) is null)
        {
            return output.Fail(id is null ? $"no rollout in {path}" : $"no rollout '{id}' in {path}", "list them with `liveupdate status`");
        }

        return action(output, db, id);
    }
}
