namespace LiveUpdate.Host.Kexec;

/// <summary>Loading, unloading and executing the next kernel with <c>kexec_file_load(2)</c>.</summary>
public interface IKexec
{
    /// <summary>Loads (or replaces) the image; throws <see cref="KexecException"/> with the kernel's reason.</summary>
    Task LoadAsync(KexecLoadRequest request, CancellationToken ct);

    /// <summary>Unloads the image; a no-op when none is loaded.</summary>
    Task UnloadAsync(CancellationToken ct);

    /// <summary>From <c>/sys/kernel/kexec_loaded</c> or, on 6.19+, <c>/sys/kernel/kexec/loaded</c>.</summary>
    Task<bool> IsLoadedAsync(CancellationToken ct);

    /// <summary>
    /// <c>reboot(LINUX_REBOOT_CMD_KEXEC)</c>. On a real host this does not return: the new kernel starts. On a
    /// sandbox host it records the execution and returns.
    /// </summary>
    void Execute();
}
