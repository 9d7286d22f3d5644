using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>Raw libvirt domain entry points (libvirt-domain.h).</summary>
internal static partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainLookupByName(ConnectionHandle conn, string name);

    [LibraryImport(Library)]
    internal static partial DomainHandle virDomainLookupByUUID(ConnectionHandle conn, ReadOnlySpan<byte> uuid);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainDefineXML(ConnectionHandle conn, string xml);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainCreateXML(ConnectionHandle conn, string xml, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virDomainRestoreFlags(ConnectionHandle conn, string from, string? dxml, uint flags);

    [LibraryImport(Library)]
    internal static partial int virConnectListAllDomains(ConnectionHandle conn, out nint domains, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainFree(nint domain);

    [LibraryImport(Library)]
    [return: MarshalUsing(typeof(BorrowedUtf8StringMarshaller))]
    internal static partial string? virDomainGetName(DomainHandle domain);

    // Fills 16 bytes; the span is pinned, not copied, so libvirt writes straight into it.
    [LibraryImport(Library)]
    internal static partial int virDomainGetUUID(DomainHandle domain, Span<byte> uuid);

    [LibraryImport(Library)]
    internal static partial uint virDomainGetID(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainGetState(DomainHandle domain, out int state, out int reason, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainGetInfo(DomainHandle domain, out NativeDomainInfo info);

    [LibraryImport(Library)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virDomainGetXMLDesc(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainSuspend(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainResume(DomainHandle domain);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virDomainSaveFlags(DomainHandle domain, string to, string? dxml, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainManagedSave(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainHasManagedSaveImage(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainManagedSaveRemove(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainCreate(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainDestroy(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainUndefineFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainIsActive(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainIsPersistent(DomainHandle domain);
}
