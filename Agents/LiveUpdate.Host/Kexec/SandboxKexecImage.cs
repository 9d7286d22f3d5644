namespace LiveUpdate.Host.Kexec;

/// <summary>
/// What a sandbox host "has loaded": written by the sandbox syscalls next to <c>sys/kernel/kexec_loaded</c> so the
/// lab's simulated kernel switch knows which kernel and command line come next.
/// </summary>
public sealed record SandboxKexecImage(string KernelPath, string? InitrdPath, string CommandLine, uint Flags);
