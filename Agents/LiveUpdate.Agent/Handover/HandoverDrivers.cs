using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Kexec;
using LiveUpdate.Host.Roots;
using LiveUpdate.Libvirt;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Handover;

/// <summary>
/// Maps a playbook's handover kind to the driver that performs it. With a sandbox every kind is the
/// <see cref="SimHandoverDriver"/>; without one the sim driver is never built, so no setting can point
/// a real host at it.
/// </summary>
public static class HandoverDrivers
{
    public static Func<HandoverDriverKind, IHandoverDriver> For(
        string? sandbox, ICpuHotplug cpus, LibvirtConnection libvirt, IProcessTerminator terminator)
    {
        var cache = new Dictionary<HandoverDriverKind, IHandoverDriver>();
        return kind =>
        {
            lock (cache)
            {
                if (!cache.TryGetValue(kind, out var driver))
                {
                    driver = sandbox is null ? ForMachine(kind, cpus) : new SimHandoverDriver(new HostRoot(sandbox), ModeOf(kind), libvirt, terminator);
                    cache[kind] = driver;
                }

                return driver;
            }
        };
    }

    private static IHandoverDriver ForMachine(HandoverDriverKind kind, ICpuHotplug cpus) => kind switch
    {
        HandoverDriverKind.Kexec => new KexecHandoverDriver(KexecDriver.ForMachine()),
        HandoverDriverKind.Multikernel => new MultikernelHandoverDriver(KexecDriver.ForMachine(), cpus),
        _ => throw new HandoverRefusedException(ModeOf(kind),
            $"this agent has no '{kind.ToPlaybookName()}' handover driver; use a kexec or multikernel playbook"),
    };

    private static HandoverMode ModeOf(HandoverDriverKind kind) => kind switch
    {
        HandoverDriverKind.Multikernel => HandoverMode.Multikernel,
        HandoverDriverKind.Luo => HandoverMode.Luo,
        _ => HandoverMode.Kexec,
    };
}
