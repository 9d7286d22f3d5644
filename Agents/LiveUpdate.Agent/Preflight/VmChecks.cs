namespace LiveUpdate.Agent.Preflight;

/// <summary>Can each running VM's state be carried across: no passthrough device, and room for it at the save target?</summary>
internal static class VmChecks
{
    /// <param name="freeBytes">Free space at the playbook's save target; null when it saves nothing or the space is unknown.</param>
    public static IReadOnlyList<VmPreservability> Check(string libvirtUri, VmCensus census, ulong? freeBytes, PreflightFindings findings)
    {
        if (census.Error is { } error)
        {
            findings.Block(PreflightCodes.LibvirtUnreachable, $"the VMs could not be read from libvirt at {libvirtUri}: {error}",
                "start libvirtd (systemctl start libvirtd, or virtqemud with modular daemons), or name the right hypervisor with --libvirt URI");
            return [];
        }

        foreach (VmFact vm in census.Vms.Where(v => v.PassthroughDevices.Count > 0))
        {
            findings.Block(PreflightCodes.VmPassthrough,
                $"VM {vm.Name} has a passthrough device ({string.Join(", ", vm.PassthroughDevices)}): libvirt cannot save its state",
                $"detach the device (virsh detach-device {vm.Name} DEVICE.xml --live) or move the VM to another host before the update");
        }

        return Assess(census.Vms, freeBytes);
    }

    /// <summary>VMs are saved in name order; one whose memory does not fit what the VMs before it left is not preservable.</summary>
    public static IReadOnlyList<VmPreservability> Assess(IReadOnlyList<VmFact> vms, ulong? freeBytes)
    {
        ulong? remaining = freeBytes;
        var result = new List<VmPreservability>(vms.Count);
        foreach (VmFact vm in vms.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            if (vm.PassthroughDevices.Count > 0)
            {
                result.Add(new(vm.Name, vm.MemoryBytes, false, $"passthrough device ({string.Join(", ", vm.PassthroughDevices)}) cannot be saved"));
            }
            else if (remaining is { } left && vm.MemoryBytes > left)
            {
                result.Add(new(vm.Name, vm.MemoryBytes, false, $"needs {ByteSize.Format(vm.MemoryBytes)} but only {ByteSize.Format(left)} is left at the save target"));
            }
            else
            {
                remaining -= vm.MemoryBytes;
                result.Add(new(vm.Name, vm.MemoryBytes, true, null));
            }
        }

        return result;
    }
}
