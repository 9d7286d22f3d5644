using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>Layout of libvirt's <c>struct _virError</c>; the deprecated object pointers are kept only for offsets.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeError
{
    public int Code;
    public int Domain;
    public byte* Message;
    public int Level;
    public nint Conn;
    public nint Dom;
    public byte* Str1;
    public byte* Str2;
    public byte* Str3;
    public int Int1;
    public int Int2;
    public nint Net;

    /// <summary>Copies the fields we keep out of libvirt-owned memory.</summary>
    public readonly LibvirtError ToManaged() => new(
        (LibvirtErrorCode)Code,
        (LibvirtErrorDomain)Domain,
        (LibvirtErrorLevel)Level,
        Utf8StringMarshaller.ConvertToManaged(Message) ?? "libvirt reported an error without a message");
}
