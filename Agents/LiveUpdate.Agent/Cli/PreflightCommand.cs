using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using LiveUpdate.Agent.Preflight;
using LiveUpdate.Agent.Vms;
using LiveUpdate.Host.Roots;
using LiveUpdate.Libvirt;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Cli;

/// <summary>`liveupdate-agent preflight`: is this host ready for each playbook, and if not, every reason and its fix.</summary>
internal static class PreflightCommand
{
    public const string DefaultLibvirtUri = "qemu:///system";

    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "The directory to read as the host's \"/\" (a sandbox tree in tests and the lab).", DefaultValueFactory = _ => "/" };
        var libvirt = new Option<string>("--libvirt") { Description = "The libvirt URI to read the VMs from.", DefaultValueFactory = _ => DefaultLibvirtUri };
        var playbooks = new Option<string[]>("--playbook") { Description = "A shipped playbook's name or a playbook file; repeat for several (default: every shipped playbook)." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of text." };
        var command = new Command("preflight", $"""
            Report this host's facts and whether it is ready for each playbook, with every reason it is not and how
            to fix it. Only reads: nothing on the host is changed.
            Exit status: 0 when every playbook is ready, 1 when any is not, 2 for a usage error.

            Example:
              liveupdate-agent preflight --playbook {ShippedPlaybooks.PmemKexec} --playbook ./my-playbook.yaml --libvirt qemu:///system --json
            """)
        {
            root, libvirt, playbooks, json,
        };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(root)!, parse.GetValue(libvirt)!, parse.GetValue(playbooks) ?? [], parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string rootPath, string libvirtUri, string[] playbookArgs, bool json, CancellationToken ct)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        TextWriter error = parse.InvocationConfiguration.Error;
        string fullRoot = Path.GetFullPath(rootPath);
        if (!Directory.Exists(fullRoot))
        {
            await error.WriteLineAsync($"liveupdate-agent: --root {rootPath} is not a directory").ConfigureAwait(false);
            return AgentCli.Usage;
        }

        var loaded = new List<Playbook>();
        foreach (string arg in playbookArgs.Length > 0 ? playbookArgs : ShippedPlaybooks.Names)
        {
            if (!TryLoad(arg, out Playbook? playbook, out string? problem))
            {
                await error.WriteLineAsync($"liveupdate-agent: {problem}").ConfigureAwait(false);
                return AgentCli.Usage;
            }

            loaded.Add(playbook);
        }

        LibvirtVirtualMachines? opened = null;
        try
        {
            // Opened only when preflight asks, read-only: a failure to connect becomes a reason in the report.
            var preflight = new HostPreflight(new HostRoot(fullRoot), libvirtUri,
                () => opened ??= new LibvirtVirtualMachines(LibvirtConnection.OpenReadOnly(libvirtUri), TimeProvider.System));
            PreflightReport report = await preflight.ReportAsync(loaded, ct).ConfigureAwait(false);
            if (json)
            {
                await output.WriteLineAsync(PreflightReportJson.Serialize(report)).ConfigureAwait(false);
            }
            else
            {
                PreflightReportText.Write(report, output);
            }

            return report.AllReady ? AgentCli.Ok : AgentCli.Failed;
        }
        finally
        {
            opened?.Dispose();
        }
    }

    private static bool TryLoad(string arg, [NotNullWhen(true)] out Playbook? playbook, [NotNullWhen(false)] out string? problem)
    {
        playbook = null;
        PlaybookLoadResult result;
        if (ShippedPlaybooks.Names.Contains(arg))
        {
            result = ShippedPlaybooks.Load(arg);
        }
        else if (File.Exists(arg))
        {
            result = PlaybookLoader.LoadFile(arg);
        }
        else
        {
            problem = $"--playbook {arg} is neither a shipped playbook ({string.Join(", ", ShippedPlaybooks.Names)}) nor a file";
            return false;
        }

        playbook = result.Playbook;
        problem = result.Succeeded ? null : $"playbook {arg} is invalid:\n  {string.Join("\n  ", result.Errors)}";
        return result.Succeeded;
    }
}
