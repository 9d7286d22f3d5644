using System.Runtime.InteropServices;
using LiveUpdate.Libvirt.Interop;

namespace LiveUpdate.Libvirt;

/// <summary>
/// A libvirt call failed. <see cref="Code"/> says what kind of failure (e.g. <see cref="LibvirtErrorCode.NoDomain"/>:
/// the VM does not exist on this host; <see cref="LibvirtErrorCode.OperationInvalid"/>: the VM is not in a state
/// that allows the operation, re-read its state and decide again); the message is libvirt's own.
/// </summary>
public sealed class LibvirtException : Exception
{
    public LibvirtException(LibvirtError error)
        : base(error.Message)
    {
        Error = error;
    }

    public LibvirtException(LibvirtError error, string subject)
        : base($"{subject}: {error.Message}")
    {
        Error = error;
    }

    public LibvirtError Error { get; }

    public LibvirtErrorCode Code => Error.Code;

    public LibvirtErrorDomain ErrorDomain => Error.Domain;

    public LibvirtErrorLevel Level => Error.Level;

    /// <summary>Throws with libvirt's last error on this thread when <paramref name="rc"/> is negative.</summary>
    internal static void ThrowIfFailed(int rc)
    {
        if (rc < 0)
        {
            throw FromLastError();
        }
    }

    /// <summary>Throws with libvirt's last error on this thread when the call returned no object.</summary>
    internal static void ThrowIfInvalid(SafeHandle handle, string? subject = null)
    {
        if (handle.IsInvalid)
        {
            var error = FromLastError(subject);
            handle.Dispose();
            throw error;
        }
    }

    /// <summary>Throws with libvirt's last error on this thread when a string-returning call returned NULL.</summary>
    internal static string ThrowIfNull(string? value) => value ?? throw FromLastError();

    /// <summary>Builds the exception from this thread's last libvirt error; <paramref name="subject"/> prefixes the message.</summary>
    internal static LibvirtException FromLastError(string? subject = null)
    {
        var error = LastError.Read() ?? LibvirtError.Unknown("libvirt call failed without reporting an error");
        return subject is null ? new LibvirtException(error) : new LibvirtException(error, subject);
    }
}
