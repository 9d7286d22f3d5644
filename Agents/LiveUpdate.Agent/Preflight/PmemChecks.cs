using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Pmem;

namespace LiveUpdate.Agent.Preflight;

/// <summary>For PMEM playbooks: the running kernel has legacy PMEM and shows it as a block device.</summary>
internal static class PmemChecks
{
    public static void Check(HostFactsSnapshot host, PmemInventory pmem, PreflightFindings findings)
    {
        if (host.KernelConfig is { IsKnown: true } config && config.Value.IsBuiltIn("CONFIG_X86")
            && config.Value.Get("CONFIG_X86_PMEM_LEGACY") is not ("y" or "m"))
        {
            findings.Block(PreflightCodes.PmemLegacyUnsupported,
                $"CONFIG_X86_PMEM_LEGACY is not set in {config.Value.Source}: this kernel turns no memmap=SIZE!OFFSET into persistent memory",
                "install and cold boot a kernel built with CONFIG_X86_PMEM_LEGACY (y or m) and CONFIG_BLK_DEV_PMEM, or use the save-to-disk-kexec playbook");
        }

        if (pmem.LegacyRegions.Count == 0)
        {
            // The memory layout check has usually said why already (no memmap=, or one the kernel ignored).
            if (!findings.Has("pmem-missing") && !findings.Has("pmem-not-in-iomem") && !findings.Has("pmem-is-system-ram"))
            {
                findings.Block(PreflightCodes.PmemNotPresent, "/proc/iomem shows no 'Persistent Memory (legacy)' region",
                    "boot with memmap=SIZE!OFFSET inside a System RAM range of /proc/iomem, or use the save-to-disk-kexec playbook");
            }

            return;
        }

        if (!pmem.BlockDevices.Any(d => d.DeviceNodeExists))
        {
            findings.Block(PreflightCodes.PmemNoDevice,
                $"legacy PMEM is in /proc/iomem ({pmem.LegacyRegions.Count} region(s)) but there is no /dev/pmemN device for it",
                "load the pmem driver (modprobe nd_pmem; CONFIG_BLK_DEV_PMEM) and check the namespace with ndctl list");
        }
    }
}
