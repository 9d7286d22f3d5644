namespace LiveUpdate.Host.Pmem;

/// <summary>A filesystem mounted with DAX on a pmem block device: where libvirt saves VM state.</summary>
/// <param name="MountPoint">As the mount table says (a host path).</param>
/// <param name="FreeBytes">Bytes available to an unprivileged writer (statvfs f_bavail); null when statvfs failed.</param>
public sealed record DaxMount(string Device, string MountPoint, string FileSystem, string Options, ulong? FreeBytes, ulong? TotalBytes);
