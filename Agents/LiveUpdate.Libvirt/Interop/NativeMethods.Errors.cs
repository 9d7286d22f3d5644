using System.Runtime.InteropServices;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>Raw libvirt error entry points (virterror.h).</summary>
internal static unsafe partial class NativeMethods
{
    /// <summary>Returns the calling thread's last error, owned by libvirt; null when there is none.</summary>
    [LibraryImport(Library)]
    internal static partial NativeError* virGetLastError();

    [LibraryImport(Library)]
    internal static partial void virSetErrorFunc(void* userData, delegate* unmanaged<void*, NativeError*, void> handler);
}
