namespace LiveUpdate.Libvirt;

/// <summary>One error as libvirt reported it (<c>virError</c>), copied out of libvirt's thread-local slot.</summary>
public sealed record LibvirtError(LibvirtErrorCode Code, LibvirtErrorDomain Domain, LibvirtErrorLevel Level, string Message)
{
    internal static LibvirtError Unknown(string message) =>
        new(LibvirtErrorCode.InternalError, LibvirtErrorDomain.None, LibvirtErrorLevel.Error, message);
}
