using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>Owns one <c>virConnectPtr</c>; closing it drops our reference, libvirt frees it after the last domain.</summary>
internal sealed class ConnectionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConnectionHandle()
        : base(ownsHandle: true)
    {
    }

    // virConnectClose returns the references still held (by domain objects), so only -1 is a failure.
    protected override bool ReleaseHandle() => NativeMethods.virConnectClose(handle) >= 0;
}
