using System.Text.Json;
using LiveUpdate.Host.Roots;
using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Host.Kexec;

/// <summary>
/// Plays the kernel's part on a sandbox tree: a load sets <c>sys/kernel/kexec_loaded</c> to 1 and records the image
/// in <see cref="ImageFile"/>; a reboot records <see cref="ExecutionFile"/> and returns (a real one would not).
/// Errors follow the kernel: reboot without an image is EINVAL, a multikernel boot on an online CPU is EBUSY.
/// </summary>
internal sealed class SandboxKexecSyscalls : IKexecSyscalls
{
    public const string ImageFile = "/liveupdate-kexec-image.json";
    public const string ExecutionFile = "/liveupdate-kexec-exec.json";
    private const int EINVAL = 22;
    private const int EBUSY = 16;
    private const int EBADF = 9;

    private readonly HostRoot _root;

    public SandboxKexecSyscalls(HostRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.IsSystemRoot)
        {
            throw new ArgumentException("The sandbox kexec syscalls write kexec state files and must never point at '/'.", nameof(root));
        }

        _root = root;
    }

    public int FileLoad(KexecSyscallArguments arguments, SafeFileHandle kernel, SafeFileHandle? initrd)
    {
        if (kernel.IsInvalid || kernel.IsClosed || initrd is { IsInvalid: true } or { IsClosed: true })
        {
            return EBADF;
        }

        var image = new SandboxKexecImage(arguments.KernelPath, arguments.InitrdPath, arguments.CommandLineText, (uint)arguments.Flags);
        File.WriteAllText(_root.Resolve(ImageFile), JsonSerializer.Serialize(image, SandboxKexecJson.Default.SandboxKexecImage));
        WriteLoaded(true);
        return 0;
    }

    public int Unload()
    {
        File.Delete(_root.Resolve(ImageFile));
        WriteLoaded(false);
        return 0;
    }

    public int RebootKexec() => Execute("kexec", null);

    public int RebootMultikernel(int cpu)
    {
        string online = _root.Resolve(HostPaths.CpuOnline(cpu));
        return File.Exists(online) && File.ReadAllText(online).Trim() == "0" ? Execute("multikernel", cpu) : EBUSY;
    }

    /// <summary>The image recorded under a sandbox root, or null when none is loaded.</summary>
    public static SandboxKexecImage? ReadImage(HostRoot root)
    {
        string path = root.Resolve(ImageFile);
        return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), SandboxKexecJson.Default.SandboxKexecImage) : null;
    }

    private int Execute(string command, int? cpu)
    {
        SandboxKexecImage? image = ReadImage(_root);
        if (image is null)
        {
            return EINVAL;
        }

        var execution = new SandboxKexecExecution(command, cpu, image);
        File.WriteAllText(_root.Resolve(ExecutionFile), JsonSerializer.Serialize(execution, SandboxKexecJson.Default.SandboxKexecExecution));
        return 0;
    }

    private void WriteLoaded(bool loaded)
    {
        string value = loaded ? "1\n" : "0\n";
        Directory.CreateDirectory(Path.GetDirectoryName(_root.Resolve(HostPaths.KexecLoaded))!);
        File.WriteAllText(_root.Resolve(HostPaths.KexecLoaded), value);
        string newPath = _root.Resolve(HostPaths.KexecLoadedNew);
        if (File.Exists(newPath))
        {
            File.WriteAllText(newPath, value);
        }
    }
}
