using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Roots;

namespace LiveUpdate.Agent.Preflight;

/// <summary>The handover takes one CPU offline while another keeps the host running, so it needs both.</summary>
internal static class CpuChecks
{
    public static void Check(HostFact<CpuTopology> cpus, PreflightFindings findings)
    {
        if (!cpus.IsKnown)
        {
            findings.Block(PreflightCodes.CpusUnknown, $"the CPU topology could not be read: {cpus.MissingReason}",
                $"check that sysfs is mounted and {HostPaths.CpuDirectory} is readable");
            return;
        }

        CpuTopology topology = cpus.Value;
        if (topology.Online.Count < 2)
        {
            int? spare = topology.Cpus.FirstOrDefault(c => !c.Online && c.Hotpluggable)?.Id;
            findings.Block(PreflightCodes.CpusTooFewOnline,
                $"{topology.Online.Count} CPU online ({Describe(topology.Online)}); the handover needs one to take offline and one to keep running",
                spare is { } cpu
                    ? $"bring cpu{cpu} online: echo 1 > {HostPaths.CpuOnline(cpu)}"
                    : "give the host at least two CPUs");
        }
        else if (topology.ChooseCpuToOffline() is null)
        {
            findings.Block(PreflightCodes.CpusNoneHotpluggable,
                $"none of the online CPUs ({Describe(topology.Online)}) can be taken offline: none has a {HostPaths.CpuDirectory}/cpuN/online file",
                "boot a kernel built with CONFIG_HOTPLUG_CPU=y");
        }
    }

    private static string Describe(IReadOnlyList<int> cpus) => cpus.Count == 0 ? "none" : "cpu " + CpuRangeList.Format(cpus);
}
