using System.Globalization;
using LiveUpdate.Kernel.CommandLine;

namespace LiveUpdate.Agent.Runner;

/// <summary>Which kernel the agent finds itself in after a handover began.</summary>
public enum KernelVerdict
{
    /// <summary>Same boot as when the update started: the switch never happened.</summary>
    OldKernel,

    /// <summary>A new boot carrying exactly the generation and bundle this update planned.</summary>
    NewKernel,

    /// <summary>A new boot that is not the planned one (a cold reboot, another bundle): only a person can say what happened.</summary>
    Unknown,
}

public static class KernelVerdicts
{
    public const string GenerationKey = "liveupdate.generation";
    public const string BundleKey = "liveupdate.bundle";

    /// <summary>
    /// The boot id tells whether a kernel switch happened at all; the liveupdate.* tokens on the command
    /// line tell whether the kernel that booted is the one this update loaded.
    /// </summary>
    public static KernelVerdict Judge(UpdatePlan plan, string bootId, KernelCommandLine commandLine)
    {
        if (bootId == plan.OldBootId)
        {
            return KernelVerdict.OldKernel;
        }

        var generation = commandLine.GetLast(GenerationKey);
        var bundle = commandLine.GetLast(BundleKey);
        return generation == plan.NextGeneration.ToString(CultureInfo.InvariantCulture) && bundle == plan.BundleDigest
            ? KernelVerdict.NewKernel
            : KernelVerdict.Unknown;
    }
}
