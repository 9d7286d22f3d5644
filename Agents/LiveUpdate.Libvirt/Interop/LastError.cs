namespace LiveUpdate.Libvirt.Interop;

/// <summary>Reads libvirt's thread-local last error; call it on the thread that made the failing call.</summary>
internal static unsafe class LastError
{
    public static LibvirtError? Read()
    {
        var error = NativeMethods.virGetLastError();
        return error == null ? null : error->ToManaged();
    }
}
