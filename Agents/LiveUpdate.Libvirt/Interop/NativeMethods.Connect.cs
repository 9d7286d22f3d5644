using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>
/// Raw libvirt entry points (libvirt-host.h). Every caller checks the result at the call site with
/// <see cref="LibvirtException"/> on the same thread, because libvirt keeps the last error per thread.
/// </summary>
internal static partial class NativeMethods
{
    internal const string Library = "libvirt.so.0";

    [LibraryImport(Library)]
    internal static partial int virInitialize();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ConnectionHandle virConnectOpen(string? name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ConnectionHandle virConnectOpenReadOnly(string? name);

    [LibraryImport(Library)]
    internal static partial int virConnectClose(nint conn);

    [LibraryImport(Library)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virConnectGetURI(ConnectionHandle conn);

    [LibraryImport(Library)]
    [return: MarshalUsing(typeof(OwnedUtf8StringMarshaller))]
    internal static partial string? virConnectGetHostname(ConnectionHandle conn);

    [LibraryImport(Library)]
    internal static partial int virConnectGetLibVersion(ConnectionHandle conn, out CULong libVer);

    [LibraryImport(Library)]
    internal static partial int virConnectIsAlive(ConnectionHandle conn);
}
