using static LiveUpdate.Playbooks.Tests.Loading.TestPlaybooks;

namespace LiveUpdate.Playbooks.Tests.Loading;

public sealed class PlaybookLoaderStructureErrorTests
{
    [Fact]
    public void LoadText_UnclosedFlowList_ReportsSyntaxErrorWithoutParserMarks()
    {
        var error = SingleError("""
            name: broken
            steps:
              - id: load
                kind: [load-kernel
            """);

        // The parser notices the unclosed '[' only at the end of the text.
        AssertAt(error, 5, 1, "YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'.");
        Assert.StartsWith("YAML syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_BadIndentation_ReportsSyntaxErrorAtOffendingLine()
    {
        var error = SingleError("""
            name: broken
              handover: kexec
            """);

        AssertAt(error, 2, 11, "YAML syntax error");
    }

    [Fact]
    public void LoadText_EmptyFile_ReportsNoDocument()
    {
        AssertAt(SingleError("# only a comment\n"), 1, 1, "holds no YAML document");
    }

    [Fact]
    public void LoadText_RootIsList_ReportsMappingExpected()
    {
        AssertAt(SingleError("- name: x\n"), 1, 1, "a playbook is a mapping");
    }

    [Fact]
    public void LoadText_UnknownTopLevelKey_ReportsKeyPosition()
    {
        var error = SingleError(Minimal.Replace("handover: kexec", "handover: kexec\nretries: 3", StringComparison.Ordinal));

        AssertAt(error, 5, 1, "unknown key 'retries' in the playbook");
    }

    [Theory]
    [InlineData("name: minimal\n", "name")]
    [InlineData("handover: kexec\n", "handover")]
    [InlineData("pointOfNoReturn: switch\n", "pointOfNoReturn")]
    public void LoadText_MissingRequiredKey_ReportsAtDocumentStart(string removedLine, string key)
    {
        var error = SingleError(Minimal.Replace(removedLine, "", StringComparison.Ordinal));

        AssertAt(error, 1, 1, $"the playbook is missing required key '{key}'");
    }

    [Fact]
    public void LoadText_MissingSteps_ReportsOnlyTheMissingKey()
    {
        var error = SingleError("""
            name: no-steps
            handover: kexec
            pointOfNoReturn: switch
            """);

        AssertAt(error, 1, 1, "missing required key 'steps'");
    }

    [Fact]
    public void LoadText_EmptyName_ReportsMissingName()
    {
        AssertAt(SingleError(Minimal.Replace("name: minimal", "name:", StringComparison.Ordinal)), 1, 1, "missing required key 'name'");
    }

    [Fact]
    public void LoadText_StepsNotAList_ReportsValuePosition()
    {
        var error = SingleError("""
            name: x
            handover: kexec
            pointOfNoReturn: switch
            steps: handover
            """);

        AssertAt(error, 4, 8, "'steps' must be a list, not 'handover'");
    }

    [Fact]
    public void LoadText_UnknownHandover_ReportsValuePosition()
    {
        var error = SingleError(Minimal.Replace("handover: kexec", "handover: kexex", StringComparison.Ordinal));

        AssertAt(error, 4, 11, "unknown handover 'kexex'; expected one of: kexec, multikernel, luo");
    }

    [Fact]
    public void LoadText_UnknownPreservation_ReportsValuePosition()
    {
        var error = SingleError(Minimal.Replace("handover: kexec", "handover: kexec\npreservation: pmem", StringComparison.Ordinal));

        AssertAt(error, 5, 15, "unknown preservation 'pmem'; expected one of: pmem-save, pmem-shared-memory, disk-save");
    }

    [Fact]
    public void LoadText_WrongApiVersion_ReportsValuePosition()
    {
        var error = SingleError(Minimal.Replace("liveupdate.dev/v1", "liveupdate.dev/v2", StringComparison.Ordinal));

        AssertAt(error, 1, 13, "'apiVersion' must be 'liveupdate.dev/v1'");
    }

    [Fact]
    public void LoadText_DuplicateKey_ReportsSecondKey()
    {
        var error = SingleError(Minimal.Replace("name: minimal", "name: minimal\nname: other", StringComparison.Ordinal));

        AssertAt(error, 4, 1, "duplicate key 'name' (first given at line 3)");
    }

    [Fact]
    public void LoadText_Alias_ReportsAliasPosition()
    {
        var error = SingleError(Minimal
            .Replace("name: minimal", "name: &n minimal", StringComparison.Ordinal)
            .Replace("description", "x", StringComparison.Ordinal)
            .Replace("handover: kexec", "handover: kexec\ndescription: *n", StringComparison.Ordinal));

        AssertAt(error, 5, 14, "aliases (*n) are not supported");
    }

    [Fact]
    public void LoadText_SecondDocument_ReportsItsStart()
    {
        var error = SingleError(Minimal + "\n---\nname: second\n");

        AssertAt(error, 20, 1, "holds one YAML document");
    }
}
