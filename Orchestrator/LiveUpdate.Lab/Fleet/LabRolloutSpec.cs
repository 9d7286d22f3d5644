namespace LiveUpdate.Lab.Fleet;

/// <summary>The rollout spec the demo applies to the lab fleet.</summary>
internal static class LabRolloutSpec
{
    public static string Render(LabOptions options, LabFiles files) => $"""
        # Written by `liveupdate lab up`: update every lab host to {options.ToRelease}.
        apiVersion: liveupdate.dev/v1
        kind: Rollout
        name: lab-{options.ToRelease}
        playbook: pmem-kexec
        bundle: {files.Bundle}
        waves: [1, 25%, 100%]
        maxInCriticalSection: 3
        maxPerFailureDomain: 1
        failureBudget: 1
        settle: 1s
        order: interleave-domains

        """;
}
