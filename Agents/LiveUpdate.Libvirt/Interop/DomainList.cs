using System.Runtime.InteropServices;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>Turns the malloc'ed array from virConnectListAllDomains into owned handles.</summary>
internal static class DomainList
{
    public static unsafe DomainHandle[] ListAll(ConnectionHandle connection, uint flags)
    {
        var count = NativeMethods.virConnectListAllDomains(connection, out var array, flags);
        LibvirtException.ThrowIfFailed(count);
        try
        {
            var handles = new DomainHandle[count];
            var pointers = (nint*)array;
            for (var i = 0; i < count; i++)
            {
                handles[i] = DomainHandle.FromOwned(pointers[i]);
            }

            return handles;
        }
        finally
        {
            NativeMemory.Free((void*)array);
        }
    }
}
