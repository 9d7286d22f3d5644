namespace LiveUpdate.Host.Pmem;

/// <param name="Name">The kernel name, e.g. <c>pmem0</c>.</param>
/// <param name="DevicePath">The device node, e.g. <c>/dev/pmem0</c> (a host path).</param>
/// <param name="SizeBytes">From <c>/sys/block/NAME/size</c> (512-byte sectors); null when unreadable.</param>
/// <param name="DeviceNodeExists">Whether the device node exists under the root.</param>
public sealed record PmemBlockDevice(string Name, string DevicePath, ulong? SizeBytes, bool DeviceNodeExists);
