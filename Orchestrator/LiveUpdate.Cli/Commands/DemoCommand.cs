using System.CommandLine;
using LiveUpdate.Cli.Commands.Lab;
using LiveUpdate.Cli.Orchestration;
using LiveUpdate.Cli.Validation;
using LiveUpdate.Lab;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Supervision;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Reporting;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Cli.Commands;

/// <summary>
/// `liveupdate demo`: the whole story on a local lab — start a fleet, validate, dry-run plan, apply with
/// live progress (one host fails before its point of no return and rolls back, within the failure
/// budget), the report, a check of every VM on every host from the hypervisors themselves, and teardown.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<DirectoryInfo>("--dir") { Description = "Where the demo lab lives.", DefaultValueFactory = _ => new DirectoryInfo("/tmp/liveupdate-demo") };
        var hosts = new Option<int>("--hosts") { DefaultValueFactory = _ => 12, Description = "Lab hosts." };
        var vms = new Option<int>("--vms") { DefaultValueFactory = _ => 8, Description = "VMs per host." };
        var domains = new Option<int>("--domains") { DefaultValueFactory = _ => 3, Description = "Failure domains." };
        var keep = new Option<bool>("--keep") { Description = "Leave the lab running afterwards (stop it with `liveupdate lab down --dir DIR`)." };
        var command = new Command("demo", """
            A rolling live kernel update of a local lab fleet, end to end: 12 hosts in 3 failure domains with 8 VMs
            each, real agents over mTLS, one host made to fail before its handover so the rollback and the failure
            budget show. Ends with the report (text, and HTML in the lab directory).

            Example:
              liveupdate demo
            """)
        {
            dir, hosts, vms, domains, keep,
        };
        command.SetAction(async (parse, ct) =>
        {
            var io = new CommandOutput(parse);
            var options = new LabOptions
            {
                Directory = parse.GetRequiredValue(dir).FullName,
                Hosts = parse.GetValue(hosts),
                VmsPerHost = parse.GetValue(vms),
                FailureDomains = parse.GetValue(domains),
                FaultyHosts = parse.GetValue(hosts) >= 5 ? ["hv-05"] : [],
            };
            try
            {
                return await RunAsync(options, io, parse.GetValue(keep), ct);
            }
            catch (LabException e)
            {
                return io.Fail(e.Message, e.Fix);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(LabOptions options, CommandOutput io, bool keep, CancellationToken ct)
    {
        var files = new LabFiles(options.Directory);
        if (File.Exists(files.Manifest))
        {
            await LabProcess.StopAsync(files, TimeSpan.FromMinutes(1), ct);
            LabProcessSweep.KillLeftovers(files.Directory);
            Directory.Delete(files.Directory, recursive: true);
        }

        Step(io, $"1. Start a lab fleet: {options.Hosts} hosts, {options.VmsPerHost} VMs each, {options.FailureDomains} failure domains"
            + (options.FaultyHosts.Count > 0 ? $" ({string.Join(", ", options.FaultyHosts)} will refuse to save VM state)" : ""));
        var manifest = await LabBuilder.CreateAsync(options, ShippedPlaybooks.DirectoryPath, ct);
        await LabProcess.StartSupervisorAsync(files, TimeSpan.FromMinutes(2), ct);
        try
        {
            Step(io, "2. Validate the playbook");
            var playbook = DocumentValidator.Validate(ShippedPlaybooks.PathOf(ShippedPlaybooks.PmemKexec), ShippedPlaybooks.PmemKexec + ".yaml");
            io.Out.WriteLine(playbook.Errors.Count == 0 ? $"   {playbook.File}: ok" : string.Join("\n", playbook.Errors));

            var settings = new OrchestratorSettings(files.Store, files.Certificates, files.BundleTrustKey);
            var inputs = RolloutInputs.Load(files.RolloutSpec, files.Inventory, files.BundleTrustKey);
            using var session = new OrchestratorSession(settings, inputs.Inventory);

            Step(io, "3. Dry run: gather every host's facts from its agent and plan");
            var plan = FleetFacts.Plan(inputs, await FleetFacts.GatherAsync(inputs, session.Agents, ct));
            io.Out.Write(PlanTable.Format(plan));

            Step(io, "4. Apply the plan");
            var outcome = await RolloutApplication.ApplyAsync(inputs, plan, session, io.Out, ct);
            foreach (var refusal in outcome.Refusals)
            {
                io.Error.WriteLine($"liveupdate: {refusal}");
            }

            if (outcome.RolloutId is null)
            {
                return ExitCodes.Failed;
            }

            Step(io, "5. Report");
            var report = ReportBuilder.Build(session.Store, outcome.RolloutId);
            io.Out.Write(ReportText.Format(report));
            var html = Path.Combine(files.Directory, "report.html");
            await File.WriteAllTextAsync(html, ReportHtml.Render(report), ct);
            io.Out.WriteLine($"   HTML report: {html}");

            Step(io, "6. Every VM on every host, as its hypervisor reports it");
            var lost = 0;
            foreach (var host in manifest.Hosts)
            {
                var status = LabHostStatus.Read(host);
                var missing = host.Vms.Count(v => status.Vms.GetValueOrDefault(v.Name) != "running");
                lost += missing;
                io.Out.WriteLine($"   {host.Name} {host.FailureDomain} kernel {status.KernelRelease,-14} {status.Summary}{(missing > 0 ? $"  <-- {missing} VM(s) not running" : "")}");
            }

            io.Out.WriteLine(lost == 0 ? "   no VM lost: every VM that was running is running" : $"   {lost} VM(s) not running");
            var ok = outcome.State == LiveUpdate.Orchestrator.Rollout.RolloutState.Completed && lost == 0;
            Step(io, ok ? "Demo finished: rollout completed" : $"Demo finished: rollout {outcome.State}");
            return ok ? ExitCodes.Ok : ExitCodes.Failed;
        }
        finally
        {
            if (!keep)
            {
                Step(io, "7. Stop the lab");
                await LabProcess.StopAsync(files, TimeSpan.FromMinutes(1), CancellationToken.None);
                LabProcessSweep.KillLeftovers(files.Directory);
                io.Out.WriteLine($"   stopped; the lab's files (logs, journals, store, report) stay in {files.Directory}");
            }
        }
    }

    private static void Step(CommandOutput io, string title)
    {
        io.Out.WriteLine();
        io.Out.WriteLine($"== {title}");
    }
}
