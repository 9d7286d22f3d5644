namespace LiveUpdate.Host.Kexec;

/// <summary>What to load with <c>kexec_file_load(2)</c>.</summary>
/// <param name="KernelPath">The kernel image (bzImage), a path on the host the agent runs on.</param>
/// <param name="InitrdPath">The initramfs, or null to load without one.</param>
/// <param name="CommandLine">The next kernel's full command line, including the PMEM <c>memmap=</c>.</param>
/// <param name="Flags">Extra flags; <see cref="KexecFileFlags.NoInitramfs"/> is added when there is no initrd.</param>
public sealed record KexecLoadRequest(string KernelPath, string? InitrdPath, string CommandLine, KexecFileFlags Flags = KexecFileFlags.None);
