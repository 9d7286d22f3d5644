using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>For <c>char*</c> results the caller must free (libvirt allocates them with malloc).</summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(OwnedUtf8StringMarshaller))]
internal static unsafe class OwnedUtf8StringMarshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Utf8StringMarshaller.ConvertToManaged(unmanaged);

    public static void Free(byte* unmanaged) => NativeMemory.Free(unmanaged);
}

/// <summary>For <c>const char*</c> results that stay owned by the libvirt object they came from.</summary>
[CustomMarshaller(typeof(string), MarshalMode.ManagedToUnmanagedOut, typeof(BorrowedUtf8StringMarshaller))]
internal static unsafe class BorrowedUtf8StringMarshaller
{
    public static string? ConvertToManaged(byte* unmanaged) => Utf8StringMarshaller.ConvertToManaged(unmanaged);
}
