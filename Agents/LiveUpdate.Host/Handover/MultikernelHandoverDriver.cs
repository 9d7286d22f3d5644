using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Kexec;

namespace LiveUpdate.Host.Handover;

/// <summary>
/// The multikernel RFC (Cong Wang, Sep 2025): load with <c>KEXEC_MULTIKERNEL</c> (0x10), then
/// <c>reboot(0xfee1dead, 672274793, 0x4D4B4C49, &amp;{cpu})</c> boots the new kernel on an offline CPU while the
/// old kernel keeps running. NEVER RUN on a real kernel: no multikernel kernel exists on these machines. Built to
/// the published RFC v1 interface and exercised only on sandbox trees; expect changes when the series lands.
/// </summary>
public sealed class MultikernelHandoverDriver : IHandoverDriver
{
    private readonly KexecDriver _kexec;
    private readonly ICpuHotplug _cpus;

    public MultikernelHandoverDriver(KexecDriver kexec, ICpuHotplug cpus)
    {
        ArgumentNullException.ThrowIfNull(kexec);
        ArgumentNullException.ThrowIfNull(cpus);
        _kexec = kexec;
        _cpus = cpus;
    }

    public HandoverMode Mode => HandoverMode.Multikernel;

    public Task LoadAsync(KexecLoadRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _kexec.LoadAsync(request with { Flags = request.Flags | KexecFileFlags.Multikernel }, ct);
    }

    public Task UnloadAsync(CancellationToken ct) => _kexec.UnloadAsync(ct);

    public async Task HandOverAsync(int? targetCpu, CancellationToken ct)
    {
        if (targetCpu is not { } cpu)
        {
            throw new HandoverRefusedException(Mode, "A multikernel handover needs the offlined CPU to boot on; pass the CPU the offline step took.");
        }

        // The kernel answers EBUSY for an online target; checking first gives the operator the reason, not an errno.
        CpuTopology topology = await _cpus.GetTopologyAsync(ct).ConfigureAwait(false);
        CpuState state = topology.Find(cpu) ?? throw new HandoverRefusedException(Mode, $"cpu{cpu} is not present on this host.");
        if (state.Online)
        {
            throw new HandoverRefusedException(Mode, $"cpu{cpu} is online; offline it before booting the new kernel on it.");
        }

        if (!await _kexec.IsLoadedAsync(ct).ConfigureAwait(false))
        {
            throw new HandoverRefusedException(Mode, "No multikernel image is loaded; load the bundle before handing over.");
        }

        _kexec.BootMultikernel(cpu);
    }
}
