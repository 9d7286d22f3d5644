using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Roots;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Preflight;

/// <summary>Can the playbook's handover driver switch kernels on this host? Judged from the facts, each cause on its own.</summary>
internal static class HandoverChecks
{
    public static void Check(HandoverDriverKind handover, HostFactsSnapshot host, HandoverCapabilities capabilities, PreflightFindings findings)
    {
        switch (handover)
        {
            case HandoverDriverKind.Kexec:
                CheckKexecFile(host, capabilities.KexecFile, findings);
                break;
            case HandoverDriverKind.Multikernel:
                // The multikernel series loads the new kernel through kexec_file_load as well.
                CheckKexecFile(host, capabilities.KexecFile, findings);
                if (!capabilities.Multikernel.Available)
                {
                    findings.Block(PreflightCodes.MultikernelUnavailable, capabilities.Multikernel.Reason,
                        "boot a kernel built with the multikernel series (CONFIG_KEXEC_MULTIKERNEL=y), or use a kexec playbook");
                }

                break;
            case HandoverDriverKind.Luo:
                findings.Block(
                    capabilities.Luo.Available ? PreflightCodes.LuoNoDriver : PreflightCodes.LuoUnavailable,
                    capabilities.Luo.Available ? $"{capabilities.Luo.Reason}; this agent has no LUO driver yet" : capabilities.Luo.Reason,
                    "use a kexec or multikernel playbook");
                break;
        }
    }

    private static void CheckKexecFile(HostFactsSnapshot host, HandoverCapability kexec, PreflightFindings findings)
    {
        KernelConfig? config = host.KernelConfig.IsKnown ? host.KernelConfig.Value : null;
        if (config is not null && !config.IsBuiltIn("CONFIG_KEXEC_FILE"))
        {
            findings.Block(PreflightCodes.KexecFileMissing,
                $"the running kernel has no kexec_file_load: CONFIG_KEXEC_FILE is not set in {config.Source}",
                "install and cold boot a kernel built with CONFIG_KEXEC_FILE=y; updates after that can be live");
        }
        else if (config is null && !host.KexecLoadDisabled.IsKnown)
        {
            findings.Block(PreflightCodes.KexecMissing,
                $"the running kernel shows no sign of kexec: {host.KexecLoadDisabled.MissingReason} (it exists whenever CONFIG_KEXEC_CORE is built in)",
                "install and cold boot a kernel built with CONFIG_KEXEC_FILE=y");
        }

        if (host.KexecLoadDisabled is { IsKnown: true, Value: true })
        {
            findings.Block(PreflightCodes.KexecLoadDisabled,
                $"{HostPaths.KexecLoadDisabled} is 1: the kernel refuses to load another kernel until it reboots, and it cannot be set back to 0",
                "reboot the host normally this once, and remove whatever sets kernel.kexec_load_disabled=1 (sysctl.d, a hardening profile) before the next update");
        }

        if (kexec is { Available: true, RequiresSignedImage: true })
        {
            findings.Note(PreflightCodes.KexecSignedOnly,
                $"only a signed kernel image loads here ({kexec.Reason})",
                "sign the bundle's kernel with a key the running kernel trusts (its built-in, secondary or platform/MOK keyring)");
        }
    }
}
