using LiveUpdate.Host.Kexec;

namespace LiveUpdate.Host.Handover;

/// <summary>
/// Upstream kexec handover: <c>kexec_file_load</c> then <c>reboot(LINUX_REBOOT_CMD_KEXEC)</c>. What has run for
/// real: those two syscalls between Debian kernels inside QEMU guests (e2e probe), with PMEM contents surviving.
/// This driver itself has run only against sandbox trees.
/// </summary>
public sealed class KexecHandoverDriver : IHandoverDriver
{
    private readonly IKexec _kexec;

    public KexecHandoverDriver(IKexec kexec)
    {
        ArgumentNullException.ThrowIfNull(kexec);
        _kexec = kexec;
    }

    public HandoverMode Mode => HandoverMode.Kexec;

    public Task LoadAsync(KexecLoadRequest request, CancellationToken ct) => _kexec.LoadAsync(request, ct);

    public Task UnloadAsync(CancellationToken ct) => _kexec.UnloadAsync(ct);

    public async Task HandOverAsync(int? targetCpu, CancellationToken ct)
    {
        if (!await _kexec.IsLoadedAsync(ct).ConfigureAwait(false))
        {
            throw new HandoverRefusedException(Mode, "No kexec image is loaded; load the bundle before handing over.");
        }

        _kexec.Execute();
    }
}
