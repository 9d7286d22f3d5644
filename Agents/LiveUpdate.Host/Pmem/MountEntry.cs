namespace LiveUpdate.Host.Pmem;

/// <summary>One line of <c>/proc/self/mounts</c>.</summary>
internal sealed record MountEntry(string Device, string MountPoint, string FileSystem, string Options)
{
    /// <summary>DAX is <c>dax</c> (old ext4/xfs) or <c>dax=always</c>; <c>dax=never</c> and <c>dax=inode</c> do not guarantee it.</summary>
    public bool IsDax => Options.Split(',').Any(o => o is "dax" or "dax=always");
}
