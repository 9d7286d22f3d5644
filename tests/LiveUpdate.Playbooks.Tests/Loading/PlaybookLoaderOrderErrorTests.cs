using static LiveUpdate.Playbooks.Tests.Loading.TestPlaybooks;

namespace LiveUpdate.Playbooks.Tests.Loading;

/// <summary>The rules that span steps: the point of no return, kernel sides and compensations.</summary>
public sealed class PlaybookLoaderOrderErrorTests
{
    private static string Edit(string oldText, string newText) => Minimal.Replace(oldText, newText, StringComparison.Ordinal);

    [Fact]
    public void LoadText_PointOfNoReturnNamesUnknownStep_ReportsValue()
    {
        AssertAt(SingleError(Edit("pointOfNoReturn: switch", "pointOfNoReturn: kexec")), 5, 18, "pointOfNoReturn 'kexec' names no step");
    }

    [Fact]
    public void LoadText_PointOfNoReturnNotHandoverStep_ReportsValue()
    {
        AssertAt(SingleError(Edit("pointOfNoReturn: switch", "pointOfNoReturn: resume")), 5, 18,
            "pointOfNoReturn 'resume' is a 'resume-vms' step; it must name the 'handover' step");
    }

    [Fact]
    public void LoadText_OldKernelStepAfterPointOfNoReturn_ReportsKind()
    {
        var error = SingleError(Edit("timeout: 30s\ncompensations", "timeout: 30s\n  - id: late\n    kind: load-kernel\n    timeout: 2m\ncompensations"));

        AssertAt(error, 17, 11, "step 'late' (load-kernel) runs in the old kernel but comes after the point of no return 'switch'");
    }

    [Fact]
    public void LoadText_NewKernelStepBeforePointOfNoReturn_ReportsKind()
    {
        var error = SingleError(Edit("timeout: 2m\n", "timeout: 2m\n  - id: early\n    kind: online-cpus\n    timeout: 1m\n"));

        AssertAt(error, 11, 11, "step 'early' (online-cpus) runs in the new kernel but comes before the point of no return 'switch'");
    }

    [Fact]
    public void LoadText_EitherKernelStepOnBothSides_Succeeds()
    {
        var result = Load(Edit("timeout: 2m\n", "timeout: 2m\n  - id: resume-early\n    kind: resume-vms\n    timeout: 1m\n"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void LoadText_SecondHandoverStep_ReportsKind()
    {
        var error = SingleError(Edit("timeout: 2m\n", "timeout: 2m\n  - id: switch-early\n    kind: handover\n    timeout: 1m\n"));

        AssertAt(error, 11, 11, "a playbook has exactly one 'handover' step");
    }

    [Fact]
    public void LoadText_CompensationForUnknownStep_ReportsFor()
    {
        AssertAt(SingleError(Edit("for: load", "for: lod")), 17, 10, "compensation for unknown step 'lod'");
    }

    [Theory]
    [InlineData("switch")]
    [InlineData("resume")]
    public void LoadText_CompensationAtOrAfterPointOfNoReturn_ReportsFor(string target)
    {
        AssertAt(SingleError(Edit("for: load", $"for: {target}")), 17, 10,
            $"step '{target}' is at or after the point of no return 'switch' and cannot be undone");
    }

    [Fact]
    public void LoadText_CompensationKindNotAllowed_ReportsKind()
    {
        AssertAt(SingleError(Edit("kind: unload-kernel", "kind: suspend-vms")), 18, 11,
            "'suspend-vms' cannot be used as a compensation; compensations may be: unload-kernel, online-cpus, restore-vms, resume-vms");
    }

    [Fact]
    public void LoadText_CompensationKindUnknown_ReportsKind()
    {
        AssertAt(SingleError(Edit("kind: unload-kernel", "kind: unload")), 18, 11, "unknown step kind 'unload'");
    }

    [Fact]
    public void LoadText_SecondCompensationForSameStep_ReportsFor()
    {
        var error = SingleError(Minimal + "\n  - for: load\n    kind: unload-kernel\n    timeout: 1m\n");

        AssertAt(error, 20, 10, "step 'load' already has a compensation (line 17)");
    }

    [Fact]
    public void LoadText_CompensationMissingRequiredParameter_ReportsCompensation()
    {
        var error = SingleError(Edit("kind: unload-kernel", "kind: restore-vms"));

        AssertAt(error, 17, 5, "'restore-vms' needs parameter 'source'");
    }
}
