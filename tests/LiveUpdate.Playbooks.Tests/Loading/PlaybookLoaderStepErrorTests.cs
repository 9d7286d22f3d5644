using static LiveUpdate.Playbooks.Tests.Loading.TestPlaybooks;

namespace LiveUpdate.Playbooks.Tests.Loading;

public sealed class PlaybookLoaderStepErrorTests
{
    private static string Edit(string oldText, string newText) => Minimal.Replace(oldText, newText, StringComparison.Ordinal);

    [Fact]
    public void LoadText_UnknownStepKind_ReportsKindValue()
    {
        AssertAt(SingleError(Edit("kind: resume-vms", "kind: resume-vm")), 14, 11, "unknown step kind 'resume-vm'; known kinds: preflight,");
    }

    [Fact]
    public void LoadText_CompensationOnlyKindAsStep_ReportsKindValue()
    {
        AssertAt(SingleError(Edit("kind: load-kernel", "kind: unload-kernel")), 8, 11, "'unload-kernel' can only be used as a compensation");
    }

    [Fact]
    public void LoadText_UnknownKeyInStep_ReportsKeyWithHint()
    {
        var error = SingleError(Edit("timeout: 30s\ncompensations", "timeout: 30s\n    parallelism: 8\ncompensations"));

        AssertAt(error, 16, 5, "unknown key 'parallelism' in a step; expected one of: id, kind, timeout, with (parameters go under 'with')");
    }

    [Fact]
    public void LoadText_BadStepId_ReportsIdValue()
    {
        AssertAt(SingleError(Edit("id: resume", "id: Resume")), 13, 9, "step id 'Resume' must be lowercase");
    }

    [Fact]
    public void LoadText_DuplicateStepId_ReportsSecondId()
    {
        AssertAt(SingleError(Edit("id: resume", "id: load")), 13, 9, "duplicate step id 'load' (first used at line 7)");
    }

    [Fact]
    public void LoadText_UnknownParameter_ReportsParameterKey()
    {
        var error = SingleError(Edit("timeout: 30s\ncompensations", "timeout: 30s\n    with:\n      parallelizm: 8\ncompensations"));

        AssertAt(error, 17, 7, "unknown parameter 'parallelizm' for 'resume-vms'; it takes: parallelism");
    }

    [Fact]
    public void LoadText_ParameterForKindWithoutParameters_ReportsParameterKey()
    {
        var error = SingleError(Edit("timeout: 2m\n", "timeout: 2m\n    with: { force: true }\n"));

        AssertAt(error, 10, 13, "unknown parameter 'force': 'load-kernel' takes no parameters");
    }

    [Fact]
    public void LoadText_MissingRequiredParameterWithoutWith_ReportsStep()
    {
        var error = SingleError(Edit("timeout: 2m\n", "timeout: 2m\n  - id: save\n    kind: save-vms\n    timeout: 2m\n"));

        AssertAt(error, 10, 5, "'save-vms' needs parameter 'target'");
    }

    [Fact]
    public void LoadText_MissingRequiredParameterWithWith_ReportsWithMapping()
    {
        var error = SingleError(Edit("timeout: 2m\n", "timeout: 2m\n  - id: save\n    kind: save-vms\n    timeout: 2m\n    with: { parallelism: 2 }\n"));

        AssertAt(error, 13, 11, "'save-vms' needs parameter 'target'");
    }

    [Theory]
    [InlineData("many")]
    [InlineData("\"8\"")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("[8]")]
    public void LoadText_BadIntParameter_ReportsValue(string value)
    {
        var error = SingleError(Edit("timeout: 30s\ncompensations", $"timeout: 30s\n    with:\n      parallelism: {value}\ncompensations"));

        AssertAt(error, 17, 20, "parameter 'parallelism' of 'resume-vms' must be a whole number of at least 1");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("'true'")]
    [InlineData("1")]
    public void LoadText_BadBoolParameter_ReportsValue(string value)
    {
        var error = SingleError(Edit(
            "timeout: 30s\ncompensations",
            $"timeout: 30s\n  - id: check\n    kind: verify\n    timeout: 1m\n    with:\n      require-all-running: {value}\ncompensations"));

        AssertAt(error, 20, 28, "parameter 'require-all-running' of 'verify' must be true or false");
    }

    [Theory]
    [InlineData("highest")]
    [InlineData("-1")]
    public void LoadText_BadCpuParameter_ReportsValue(string value)
    {
        var error = SingleError(Edit("timeout: 2m\n", $"timeout: 2m\n  - id: cpu\n    kind: offline-cpu\n    timeout: 30s\n    with: {{ cpu: {value} }}\n"));

        AssertAt(error, 13, 18, "parameter 'cpu' of 'offline-cpu' must be auto or a CPU number");
    }

    [Fact]
    public void LoadText_RelativeSaveTarget_ReportsValue()
    {
        var error = SingleError(Edit("timeout: 2m\n", "timeout: 2m\n  - id: save\n    kind: save-vms\n    timeout: 2m\n    with:\n      target: pmem/liveupdate\n"));

        AssertAt(error, 14, 15, "parameter 'target' of 'save-vms' must be an absolute path, not 'pmem/liveupdate'");
    }

    [Theory]
    [InlineData("2 minutes")]
    [InlineData("2")]
    [InlineData("30s2m")]
    [InlineData("-5s")]
    public void LoadText_BadDuration_ReportsTimeoutValue(string value)
    {
        AssertAt(SingleError(Edit("timeout: 2m", $"timeout: {value}")), 9, 14, $"'{value}' is not a duration; write it like 500ms, 30s");
    }

    [Fact]
    public void LoadText_ZeroTimeout_ReportsTimeoutValue()
    {
        AssertAt(SingleError(Edit("timeout: 2m", "timeout: 0s")), 9, 14, "'timeout' must be longer than zero");
    }

    [Fact]
    public void LoadText_MissingTimeout_ReportsStep()
    {
        AssertAt(SingleError(Edit("    timeout: 2m\n", "")), 7, 5, "a step is missing required key 'timeout'");
    }

    [Fact]
    public void LoadText_StepNotAMapping_ReportsItem()
    {
        AssertAt(SingleError(Edit("  - id: resume\n    kind: resume-vms\n    timeout: 30s\n", "  - resume\n")), 13, 5, "each step must be a mapping");
    }

    [Fact]
    public void LoadText_EmptySteps_ReportsSteps()
    {
        var error = SingleError("""
            name: x
            handover: kexec
            pointOfNoReturn: switch
            steps: []
            """);

        AssertAt(error, 4, 8, "'steps' is empty");
    }
}
