using System.Globalization;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Handover;

namespace LiveUpdate.Agent.Preflight;

/// <summary>The report for a person at a terminal: the facts, then each playbook's verdict with every reason and its fix.</summary>
public static class PreflightReportText
{
    public static void Write(PreflightReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        WriteFacts(report, output);
        foreach (PlaybookReadiness playbook in report.Playbooks)
        {
            output.WriteLine();
            WritePlaybook(playbook, output);
        }
    }

    private static void WriteFacts(PreflightReport r, TextWriter o)
    {
        Line(o, "host", $"{r.HostName ?? "(unknown)"}{(r.Root == "/" ? string.Empty : $" (root {r.Root})")}");
        Line(o, "kernel", $"{r.KernelRelease ?? "(unknown)"}, boot id {r.BootId ?? "(unknown)"}, generation {r.Generation?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)"}");
        Line(o, "command line", r.CommandLine ?? "(unknown)");
        Line(o, "cpus", r.Cpus is { } cpus ? Cpus(cpus, r.CpuToOffline) : "(unknown)");
        Line(o, "memory", r.Memory is { } m ? $"{ByteSize.Format(m.TotalBytes)} total, {ByteSize.Format(m.AvailableBytes)} available" : "(unknown)");
        Line(o, "pmem", Pmem(r));
        Line(o, "handover", string.Join("; ", new[] { r.Capabilities.KexecFile, r.Capabilities.Multikernel, r.Capabilities.Luo }.Select(Capability)));
        Line(o, "lockdown", $"{r.Lockdown ?? "(no lockdown LSM)"}, kexec_load_disabled {(r.KexecLoadDisabled is { } d ? (d ? "1" : "0") : "(absent)")}");
        foreach (SaveTargetFact t in r.SaveTargets)
        {
            string on = t.Mount is { } mount ? $"on {mount.Device} at {mount.MountPoint} ({mount.FileSystem}{(mount.Dax ? ", dax" : string.Empty)})" : "on an unknown filesystem";
            Line(o, "save target", $"{t.Path} {on}, {(t.FreeBytes is { } f ? ByteSize.Format(f) : "unknown")} free");
        }

        Line(o, "libvirt", r.LibvirtError is { } error
            ? $"{r.LibvirtUri}: unreachable: {error}"
            : $"{r.LibvirtUri}: {r.Vms.Count} running VM(s), {ByteSize.Format(r.VmMemoryBytes)} of guest memory");
        foreach (VmFact vm in r.Vms)
        {
            string passthrough = vm.PassthroughDevices.Count > 0 ? $", passthrough: {string.Join(", ", vm.PassthroughDevices)}" : string.Empty;
            o.WriteLine($"  {vm.Name}  {ByteSize.Format(vm.MemoryBytes)}  {vm.State.ToString().ToLowerInvariant()}{passthrough}");
        }

        foreach (string unknown in r.UnknownFacts)
        {
            Line(o, "unknown", unknown);
        }
    }

    private static void WritePlaybook(PlaybookReadiness p, TextWriter o)
    {
        o.WriteLine($"{p.Playbook}: {(p.Ready ? "READY" : "NOT READY")}");
        foreach (PreflightReason reason in p.Reasons)
        {
            o.WriteLine($"  - [{reason.Code}] {reason.Message}");
            if (reason.Fix is not null)
            {
                o.WriteLine($"    fix: {reason.Fix}");
            }
        }

        foreach (PreflightReason note in p.Notes)
        {
            o.WriteLine($"  note [{note.Code}] {note.Message}{(note.Fix is null ? string.Empty : $" (fix: {note.Fix})")}");
        }

        foreach (VmPreservability vm in p.Vms.Where(v => !v.Preservable))
        {
            o.WriteLine($"  vm {vm.Name}: not preservable: {vm.Reason}");
        }
    }

    private static string Cpus(CpuTopology cpus, int? toOffline)
    {
        string offline = cpus.Offline.Count == 0 ? "none" : CpuRangeList.Format(cpus.Offline);
        string handover = toOffline is { } cpu ? $"cpu{cpu} would be taken offline" : "none can be taken offline";
        return $"online {CpuRangeList.Format(cpus.Online)}, offline {offline}; {handover}";
    }

    private static string Pmem(PreflightReport r)
    {
        if (!r.Pmem.HasPmem)
        {
            return "none (no persistent memory region, no /dev/pmemN)";
        }

        var parts = new List<string>();
        parts.AddRange(r.Pmem.Regions.Select(g => $"{(g.Legacy ? "legacy " : string.Empty)}region {ByteSize.Format(g.Size)} at 0x{g.Start:x}"));
        parts.AddRange(r.Pmem.BlockDevices.Select(d => $"{d.DevicePath}{(d.SizeBytes is { } s ? " " + ByteSize.Format(s) : string.Empty)}"));
        parts.AddRange(r.PmemMounts.Select(m => $"{m.Device} on {m.MountPoint} ({m.FileSystem}, {(m.Dax ? "dax" : "no dax")})"));
        return string.Join("; ", parts);
    }

    private static string Capability(HandoverCapability c) =>
        $"{c.Mode.ToString().ToLowerInvariant()} {(c.Available ? "available" : "not available")} ({c.Reason})";

    private static void Line(TextWriter o, string label, string text) => o.WriteLine($"{label,-13}{text}");
}
