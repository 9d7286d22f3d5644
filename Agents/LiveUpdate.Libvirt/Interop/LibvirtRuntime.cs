using System.Runtime.InteropServices;

namespace LiveUpdate.Libvirt.Interop;

/// <summary>
/// Process-wide libvirt setup, done once before the first connection: virInitialize, and our own error
/// handler so libvirt stops printing every error to stderr (we report errors as exceptions instead).
/// </summary>
internal static unsafe class LibvirtRuntime
{
    private static readonly Lazy<bool> Initialized = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized() => _ = Initialized.Value;

    private static bool Initialize()
    {
        NativeMethods.virSetErrorFunc(null, &OnError);
        if (NativeMethods.virInitialize() < 0)
        {
            throw new LibvirtException(LastError.Read() ?? LibvirtError.Unknown("virInitialize failed"));
        }

        return true;
    }

    // libvirt calls this before the failing API returns. Doing nothing is the point: the error stays in
    // the thread's last-error slot, and the call site turns it into a LibvirtException.
    [UnmanagedCallersOnly]
    private static void OnError(void* userData, NativeError* error)
    {
    }
}
