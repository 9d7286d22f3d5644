using LiveUpdate.Host.Roots;
using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Host.Kexec;

/// <summary>
/// kexec through <c>kexec_file_load(2)</c> (x86_64 syscall 320) and <c>reboot(LINUX_REBOOT_CMD_KEXEC)</c>, never the
/// kexec tool. Run for real: the same two syscalls (the probe's <c>kfl</c>) loaded and booted Debian kernels inside
/// QEMU guests with PMEM surviving. This C# path has only run against the sandbox syscalls; the real one is for
/// hosts being updated and QEMU guests, never a development machine.
/// </summary>
public sealed class KexecDriver : IKexec
{
    private readonly IKexecSyscalls _syscalls;

    internal KexecDriver(HostRoot root, IKexecSyscalls syscalls)
    {
        Root = root;
        _syscalls = syscalls;
    }

    /// <summary>The root the loaded state is read from (and, in a sandbox, written to).</summary>
    public HostRoot Root { get; }

    /// <summary>The real kernel. Loading replaces any loaded image; executing replaces the running kernel.</summary>
    public static KexecDriver ForMachine() => new(HostRoot.Machine, new LinuxKexecSyscalls());

    /// <summary>A sandbox tree that records loads and executions as files; refuses the machine's own root.</summary>
    public static KexecDriver ForSandbox(HostRoot root) => new(root, new SandboxKexecSyscalls(root));

    /// <summary>The image a sandbox tree holds, or null. For the lab's simulated kernel switch.</summary>
    public static SandboxKexecImage? ReadSandboxImage(HostRoot root) => SandboxKexecSyscalls.ReadImage(root);

    /// <remarks>Kernel and initrd paths are opened as given (the agent's own view), not under <see cref="Root"/>.</remarks>
    public Task LoadAsync(KexecLoadRequest request, CancellationToken ct)
    {
        KexecSyscallArguments arguments = KexecSyscallArguments.ForLoad(request);
        ct.ThrowIfCancellationRequested();

        // The load hashes the whole image in the kernel (about a second under TCG), so keep it off the caller's thread.
        return Task.Run(
            () =>
            {
                using SafeFileHandle kernel = OpenImage(request.KernelPath, "kernel");
                using SafeFileHandle? initrd = request.InitrdPath is null ? null : OpenImage(request.InitrdPath, "initrd");
                ThrowIfFailed("load", _syscalls.FileLoad(arguments, kernel, initrd));
            },
            ct);
    }

    public Task UnloadAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ThrowIfFailed("unload", _syscalls.Unload());
        return Task.CompletedTask;
    }

    public async Task<bool> IsLoadedAsync(CancellationToken ct)
    {
        foreach (string path in new[] { HostPaths.KexecLoadedNew, HostPaths.KexecLoaded })
        {
            HostFact<string> value = await HostFileReader.ReadTrimmedAsync(Root, path, ct).ConfigureAwait(false);
            if (value.IsKnown)
            {
                return value.Value == "1";
            }
        }

        return false;
    }

    public void Execute() => ThrowIfFailed("execute", _syscalls.RebootKexec());

    /// <summary>The multikernel RFC's boot of the loaded image on an offline CPU; see <c>MultikernelHandoverDriver</c>.</summary>
    internal void BootMultikernel(int cpu) => ThrowIfFailed("multikernel-boot", _syscalls.RebootMultikernel(cpu));

    private void ThrowIfFailed(string operation, int errno)
    {
        if (errno != 0)
        {
            throw KexecErrors.FromErrno(operation, errno, Root);
        }
    }

    private static SafeFileHandle OpenImage(string path, string role)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KexecException("load", KexecFailure.ImageUnreadable, null,
                $"Cannot open the {role} image '{path}': {ex.Message}. Check the bundle was unpacked on this host.", ex);
        }
    }
}
