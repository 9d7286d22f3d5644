using System.Runtime.InteropServices;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>Layout of libvirt's <c>virDomainInfo</c>; <c>unsigned long</c> is C's, hence <see cref="CULong"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDomainInfo
{
    public byte State;
    public CULong MaxMem;
    public CULong Memory;
    public ushort NrVirtCpu;
    public ulong CpuTime;
}
