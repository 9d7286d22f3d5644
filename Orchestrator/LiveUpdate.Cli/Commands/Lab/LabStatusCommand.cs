using System.CommandLine;
using LiveUpdate.Lab;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Supervision;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Cli.Commands.Lab;

/// <summary>`liveupdate lab status`: each host's kernel and VMs, read from the host itself, not from the agent.</summary>
internal static class LabStatusCommand
{
    public static Command Create()
    {
        var dir = LabCommand.DirectoryOption();
        var json = CommonOptions.Json();
        var command = new Command("status", "Show each lab host's kernel release and its VMs' states as the hypervisor reports them.\n\nExample:\n  liveupdate lab status --json")
        {
            dir, json,
        };
        command.SetAction(parse =>
        {
            var output = new CommandOutput(parse);
            var files = new LabFiles(parse.GetRequiredValue(dir).FullName);
            LabManifest manifest;
            try
            {
                manifest = LabManifest.Read(files);
            }
            catch (LabException e)
            {
                return output.Fail(e.Message, e.Fix);
            }

            var supervisor = LabProcess.ReadState(files);
            var hosts = manifest.Hosts.Select(h => LabHostStatus.Read(h)).ToList();
            if (parse.GetValue(json))
            {
                output.WriteJson(new { running = supervisor is not null, hosts });
            }
            else
            {
                output.Out.WriteLine(supervisor is null ? "lab: not running" : $"lab: running (supervisor pid {supervisor.ProcessId})");
                foreach (var h in hosts)
                {
                    output.Out.WriteLine($"  {h.Host,-6} {h.FailureDomain,-7} kernel {h.KernelRelease,-16} VMs: {h.Summary}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>A host's status as its own files and hypervisor tell it.</summary>
internal sealed record LabHostStatus(string Host, string FailureDomain, string KernelRelease, IReadOnlyDictionary<string, string> Vms, string? Error)
{
    public string Summary => Error ?? string.Join(", ", Vms.GroupBy(v => v.Value).Select(g => $"{g.Count()} {g.Key}"));

    public static LabHostStatus Read(LabHostSpec host)
    {
        var release = File.ReadAllText(Path.Combine(host.Root, "proc", "sys", "kernel", "osrelease")).Trim();
        try
        {
            using var connection = LibvirtConnection.OpenReadOnly(LabHostUris.Libvirt(host));
            var domains = connection.ListDomains(DomainListFilter.All);
            var vms = domains.ToDictionary(d => d.Name, d => d.GetState().State.ToString().ToLowerInvariant());
            foreach (var d in domains)
            {
                d.Dispose();
            }

            return new LabHostStatus(host.Name, host.FailureDomain, release, vms, null);
        }
        catch (LibvirtException e)
        {
            return new LabHostStatus(host.Name, host.FailureDomain, release, new Dictionary<string, string>(), $"hypervisor unreachable: {e.Message}");
        }
    }
}
