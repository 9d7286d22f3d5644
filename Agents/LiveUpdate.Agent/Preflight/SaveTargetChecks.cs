using LiveUpdate.Host.Pmem;

namespace LiveUpdate.Agent.Preflight;

/// <summary>Is the save-vms target where the playbook needs it (on PMEM, with DAX), and is there room for every VM?</summary>
internal static class SaveTargetChecks
{
    /// <param name="vmBytes">What saving every running VM writes; null when libvirt was not reachable.</param>
    public static void Check(bool needsPmem, SaveTargetFact target, PmemInventory pmem, ulong? vmBytes, PreflightFindings findings)
    {
        if (target.Mount is not { } mount)
        {
            findings.Block(PreflightCodes.SaveTargetUnknown, $"the filesystem of the save target {target.Path} is unknown: the mount table could not be read",
                "run preflight on the host itself, where /proc/self/mounts is readable");
        }
        else if (needsPmem && !mount.OnPmem)
        {
            findings.Block(PreflightCodes.SaveTargetNotOnPmem,
                $"the save target {target.Path} is on {mount.Device} (mounted at {mount.MountPoint}), not on a /dev/pmemN filesystem: VM state written there does not stay in PMEM",
                FixNotOnPmem(target.Path, pmem));
        }
        else if (needsPmem && !mount.Dax)
        {
            findings.Note(PreflightCodes.SaveTargetNotDax,
                $"{mount.Device} is mounted at {mount.MountPoint} without DAX ({mount.Options}): saves go through the page cache, slower and using host RAM",
                $"remount with DAX: mount -o remount,dax=always {mount.MountPoint} (or set dax=always in /etc/fstab)");
        }

        if (vmBytes is not { } needed)
        {
            return;
        }

        if (target.FreeBytes is not { } free)
        {
            findings.Note(PreflightCodes.SaveTargetFreeUnknown, $"the free space at {target.Path} could not be read; the VMs need {ByteSize.Format(needed)}");
        }
        else if (needed > free)
        {
            findings.Block(PreflightCodes.SaveTargetTooSmall,
                $"the running VMs need {ByteSize.Format(needed)} to save their state (libvirt save writes all guest RAM) but {target.Path} has {ByteSize.Format(free)} free",
                needsPmem
                    ? "free space on the PMEM filesystem, stop or move some VMs before the update, or enlarge memmap=SIZE!OFFSET and cold boot"
                    : $"free space on {target.Mount?.MountPoint ?? target.Path}, or point the save-vms target at a larger local filesystem");
        }
    }

    private static string FixNotOnPmem(string target, PmemInventory pmem)
    {
        if (pmem.DaxMounts.FirstOrDefault() is { } dax)
        {
            return $"point the save-vms target at a directory under {dax.MountPoint} (DAX on {dax.Device}), or mount that filesystem on {Parent(target)}";
        }

        string device = pmem.BlockDevices.FirstOrDefault()?.DevicePath ?? "/dev/pmem0";
        return $"make a filesystem on {device} and mount it with DAX on {Parent(target)}: mkfs.ext4 {device} && mount -o dax=always {device} {Parent(target)} (and add it to /etc/fstab)";
    }

    private static string Parent(string path) => Path.GetDirectoryName(path.TrimEnd('/')) is { Length: > 0 } parent ? parent : "/";
}
