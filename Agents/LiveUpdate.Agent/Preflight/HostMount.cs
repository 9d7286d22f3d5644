namespace LiveUpdate.Agent.Preflight;

/// <summary>One line of the mount table; paths are host paths, as the kernel prints them.</summary>
public sealed record HostMount(string Device, string MountPoint, string FileSystem, string Options)
{
    /// <summary><c>dax</c> (older ext4/xfs) or <c>dax=always</c>; <c>dax=inode</c> and <c>dax=never</c> do not guarantee it.</summary>
    public bool Dax => Options.Split(',').Any(o => o is "dax" or "dax=always");

    /// <summary>A filesystem on a legacy or NVDIMM pmem block device (<c>/dev/pmemN</c> or a partition of it).</summary>
    public bool OnPmem => MountTableText.IsPmemDevice(Device);
}
