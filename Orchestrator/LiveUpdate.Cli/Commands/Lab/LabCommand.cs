using System.CommandLine;

namespace LiveUpdate.Cli.Commands.Lab;

/// <summary>`liveupdate lab up|down|status`: a local fleet of real agents on sandbox hosts.</summary>
internal static class LabCommand
{
    public const string DefaultDirectory = "/tmp/liveupdate-lab";

    public static Command Create() => new("lab", """
        A local lab fleet: real liveupdate-agent processes on 127.0.0.1, each with its own sandbox host tree
        (sysfs/procfs with PMEM and 4 CPUs), its own private libvirtd holding test-driver VMs, mTLS
        certificates, and the sim handover driver; a supervisor restarts an agent that ends itself at
        handover, as systemd would.

        Examples:
          liveupdate lab up --hosts 4 --vms 2
          liveupdate lab status
          liveupdate lab down
        """)
    {
        LabUpCommand.Create(),
        LabDownCommand.Create(),
        LabStatusCommand.Create(),
        LabSuperviseCommand.Create(),
    };

    public static Option<DirectoryInfo> DirectoryOption() => new("--dir")
    {
        Description = $"The lab's directory (default {DefaultDirectory}); not under /run or /var.",
        DefaultValueFactory = _ => new DirectoryInfo(DefaultDirectory),
    };
}
