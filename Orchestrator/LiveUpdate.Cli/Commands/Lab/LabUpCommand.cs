using System.CommandLine;
using LiveUpdate.Lab;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Supervision;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Cli.Commands.Lab;

/// <summary>`liveupdate lab up`: lays out a lab and starts its supervisor in the background.</summary>
internal static class LabUpCommand
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    public static Command Create()
    {
        var dir = LabCommand.DirectoryOption();
        var hosts = new Option<int>("--hosts") { Description = "How many hosts.", DefaultValueFactory = _ => 12 };
        var vms = new Option<int>("--vms") { Description = "VMs per host (test-driver domains of varied memory sizes).", DefaultValueFactory = _ => 8 };
        var domains = new Option<int>("--domains") { Description = "Failure domains (racks) the hosts are spread over.", DefaultValueFactory = _ => 3 };
        var basePort = new Option<int>("--base-port") { Description = "The first agent's port on 127.0.0.1.", DefaultValueFactory = _ => 17443 };
        var faulty = new Option<string[]>("--faulty") { Description = "Hosts whose VM-state filesystem refuses writes, so their update fails and rolls back.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("up", """
            Start a lab fleet and write its inventory and rollout spec.

            Examples:
              liveupdate lab up --hosts 4 --vms 2
              liveupdate lab up --hosts 12 --vms 8 --domains 3 --faulty hv-05
            """)
        {
            dir, hosts, vms, domains, basePort, faulty,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = new CommandOutput(parse);
            var options = new LabOptions
            {
                Directory = parse.GetRequiredValue(dir).FullName,
                Hosts = parse.GetValue(hosts),
                VmsPerHost = parse.GetValue(vms),
                FailureDomains = parse.GetValue(domains),
                BasePort = parse.GetValue(basePort),
                FaultyHosts = parse.GetValue(faulty) ?? [],
            };
            try
            {
                var manifest = await LabBuilder.CreateAsync(options, ShippedPlaybooks.DirectoryPath, ct);
                var files = new LabFiles(options.Directory);
                await LabProcess.StartSupervisorAsync(files, StartTimeout, ct);
                output.Out.WriteLine($"lab up: {manifest.Hosts.Count} hosts, {options.VmsPerHost} VMs each, {options.FailureDomains} failure domains in {files.Directory}");
                output.Out.WriteLine($"  inventory: {files.Inventory}");
                output.Out.WriteLine($"  rollout:   {files.RolloutSpec}");
                output.Out.WriteLine($"  stop with: liveupdate lab down --dir {files.Directory}");
                return ExitCodes.Ok;
            }
            catch (LabException e)
            {
                return output.Fail(e.Message, e.Fix);
            }
        });
        return command;
    }
}
