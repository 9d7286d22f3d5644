using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Roots;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Host.Handover;

/// <summary>Decides which handover modes a host supports from its facts plus two presence checks under its root.</summary>
public static class HandoverCapabilityDetector
{
    public const string MultikernelPoolName = "Multikernel Memory Pool";

    public static async Task<HandoverCapabilities> DetectAsync(HostRoot root, CancellationToken ct)
    {
        HostFactsSnapshot facts = await new ProcfsHostFacts(root).CaptureAsync(ct).ConfigureAwait(false);
        return Detect(facts);
    }

    public static HandoverCapabilities Detect(HostFactsSnapshot facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        HandoverCapability kexec = DetectKexecFile(facts);
        return new HandoverCapabilities(kexec, DetectMultikernel(facts, kexec), DetectLuo(facts.Root));
    }

    private static HandoverCapability DetectKexecFile(HostFactsSnapshot facts)
    {
        const HandoverMode mode = HandoverMode.Kexec;
        KernelConfig? config = facts.KernelConfig.IsKnown ? facts.KernelConfig.Value : null;
        if (config is not null && !config.IsBuiltIn("CONFIG_KEXEC_FILE"))
        {
            return new(mode, false, $"CONFIG_KEXEC_FILE is not set in {config.Source}; boot a kernel built with it.");
        }

        if (facts.KexecLoadDisabled is { IsKnown: true, Value: true })
        {
            return new(mode, false, "kernel.kexec_load_disabled is 1 until the next reboot; reboot the host instead.");
        }

        bool sigForce = config?.IsBuiltIn("CONFIG_KEXEC_SIG_FORCE") == true;
        LockdownMode lockdown = facts.Lockdown.IsKnown ? facts.Lockdown.Value : LockdownMode.None;
        bool signedOnly = sigForce || lockdown != LockdownMode.None;
        string why = config is null ? $"kexec_file_load assumed present ({facts.KernelConfig.MissingReason})" : "CONFIG_KEXEC_FILE=y";
        if (signedOnly)
        {
            why += lockdown != LockdownMode.None
                ? $"; lockdown is {lockdown.ToString().ToLowerInvariant()}, so only a signed kernel loads"
                : "; CONFIG_KEXEC_SIG_FORCE=y, so only a signed kernel loads";
        }

        return new(mode, true, why, signedOnly);
    }

    private static HandoverCapability DetectMultikernel(HostFactsSnapshot facts, HandoverCapability kexec)
    {
        const HandoverMode mode = HandoverMode.Multikernel;
        var evidence = new List<string>();
        if (facts.KernelConfig is { IsKnown: true } config && config.Value.IsBuiltIn("CONFIG_KEXEC_MULTIKERNEL"))
        {
            evidence.Add("CONFIG_KEXEC_MULTIKERNEL=y");
        }

        if (HostFileReader.Exists(facts.Root, HostPaths.Multikernel))
        {
            evidence.Add($"{HostPaths.Multikernel} exists");
        }

        if (facts.Iomem is { IsKnown: true } iomem && iomem.Value.Named(MultikernelPoolName).Any())
        {
            evidence.Add($"'{MultikernelPoolName}' in /proc/iomem");
        }

        if (evidence.Count == 0)
        {
            return new(mode, false, "No multikernel support: no CONFIG_KEXEC_MULTIKERNEL, /sys/fs/multikernel or multikernel memory pool.");
        }

        return kexec.Available
            ? new(mode, true, string.Join(", ", evidence), kexec.RequiresSignedImage)
            : new(mode, false, $"Multikernel present ({string.Join(", ", evidence)}) but kexec_file_load is not usable: {kexec.Reason}");
    }

    private static HandoverCapability DetectLuo(HostRoot root) =>
        HostFileReader.Exists(root, HostPaths.LiveUpdateDevice)
            ? new(HandoverMode.Luo, true, $"{HostPaths.LiveUpdateDevice} exists (reported only: no LUO driver yet)")
            : new(HandoverMode.Luo, false, $"No {HostPaths.LiveUpdateDevice}: the kernel lacks CONFIG_LIVEUPDATE or was not booted with liveupdate=1.");
}
