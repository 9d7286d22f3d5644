using System.Text;

namespace LiveUpdate.Host.Kexec;

/// <summary>
/// The non-fd arguments of one <c>kexec_file_load</c> call, built by a pure function so the marshalling rules
/// (NUL-terminated command line whose length counts the NUL; NO_INITRAMFS without an initrd) are tested without
/// calling the kernel.
/// </summary>
internal sealed record KexecSyscallArguments(
    string KernelPath,
    string? InitrdPath,
    string CommandLineText,
    byte[] CommandLine,
    KexecFileFlags Flags)
{
    /// <summary>The kernel rejects a command line whose last byte is not NUL, so the length includes it.</summary>
    public nuint CommandLineLength => (nuint)CommandLine.Length;

    public static KexecSyscallArguments ForLoad(KexecLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.KernelPath);
        ArgumentNullException.ThrowIfNull(request.CommandLine);
        if (request.CommandLine.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The kernel command line must not contain a NUL character.", nameof(request));
        }

        if (request.Flags.HasFlag(KexecFileFlags.Unload))
        {
            throw new ArgumentException("Unloading is not a load; call UnloadAsync instead.", nameof(request));
        }

        KexecFileFlags flags = request.Flags;
        if (request.InitrdPath is null)
        {
            flags |= KexecFileFlags.NoInitramfs;
        }
        else if (flags.HasFlag(KexecFileFlags.NoInitramfs))
        {
            throw new ArgumentException($"NoInitramfs was requested together with initrd '{request.InitrdPath}'; pass one or the other.", nameof(request));
        }

        int length = Encoding.UTF8.GetByteCount(request.CommandLine);
        byte[] bytes = new byte[length + 1];
        Encoding.UTF8.GetBytes(request.CommandLine, bytes);
        return new KexecSyscallArguments(request.KernelPath, request.InitrdPath, request.CommandLine, bytes, flags);
    }

    /// <summary>Unload passes no image, no command line (length 0) and only the UNLOAD flag.</summary>
    public static KexecSyscallArguments ForUnload() =>
        new(string.Empty, null, string.Empty, [], KexecFileFlags.Unload);
}
