namespace LiveUpdate.Playbooks.Tests.Loading;

public sealed class BrokenPlaybookTests
{
    private static readonly string BrokenPath = Path.Combine(AppContext.BaseDirectory, "Data", "broken.yaml");

    [Fact]
    public void LoadFile_ManyProblems_ReportsAllInFileOrder()
    {
        var result = PlaybookLoader.LoadFile(BrokenPath);

        Assert.Null(result.Playbook);
        string[] expected =
        [
            "5:7: playbook name 'Broken Playbook' must be lowercase letters, digits and dashes, starting with a letter",
            "6:11: unknown handover 'kexek'; expected one of: kexec, multikernel, luo",
            "9:1: unknown key 'retries' in the playbook; expected one of: apiVersion, kind, name, description, handover, preservation, pointOfNoReturn, steps, compensations",
            "13:14: '30 seconds' is not a duration; write it like 500ms, 30s, 2m, 1h or 1m30s",
            "21:20: parameter 'parallelism' of 'suspend-vms' must be a whole number of at least 1, not 'lots'",
            "26:7: 'save-vms' needs parameter 'target' under 'with' (Directory that receives the saved state, e.g. /mnt/pmem0/liveupdate)",
            "27:7: unknown parameter 'compress' for 'save-vms'; it takes: target, parallelism, bypass-cache",
            "28:9: duplicate step id 'suspend' (first used at line 17); give each step its own id",
            "29:11: unknown step kind 'reboot'; known kinds: preflight, verify-bundle, load-kernel, suspend-vms, save-vms, offline-cpu, handover, online-cpus, restore-vms, resume-vms, verify",
            "35:11: step 'late-load' (load-kernel) runs in the old kernel but comes after the point of no return 'handover'; move it before the handover",
            "38:10: compensation for unknown step 'lod'; 'for' must be the id of a step before the point of no return",
            "42:11: 'suspend-vms' cannot be used as a compensation; compensations may be: unload-kernel, online-cpus, restore-vms, resume-vms",
            "44:10: step 'handover' is at or after the point of no return 'handover' and cannot be undone; compensations are only for steps before it",
        ];
        Assert.Equal(expected.Select(e => BrokenPath + ":" + e), result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void GetPlaybookOrThrow_ManyProblems_ThrowsWithEveryError()
    {
        var result = PlaybookLoader.LoadFile(BrokenPath);

        var exception = Assert.Throws<PlaybookInvalidException>(result.GetPlaybookOrThrow);

        Assert.Equal(result.Errors, exception.Errors);
        Assert.All(result.Errors, e => Assert.Contains(e.ToString(), exception.Message, StringComparison.Ordinal));
    }
}
