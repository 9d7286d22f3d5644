using Microsoft.Win32.SafeHandles;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>Owns one reference to a <c>virDomainPtr</c>.</summary>
internal sealed class DomainHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DomainHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a pointer libvirt handed out in an array (virConnectListAllDomains).</summary>
    internal static DomainHandle FromOwned(nint domain)
    {
        var owned = new DomainHandle();
        owned.SetHandle(domain);
        return owned;
    }

    protected override bool ReleaseHandle() => NativeMethods.virDomainFree(handle) == 0;
}
