using static LiveUpdate.Playbooks.Tests.Loading.TestPlaybooks;

namespace LiveUpdate.Playbooks.Tests.Loading;

public sealed class PlaybookLoaderTests
{
    [Fact]
    public void LoadText_MinimalPlaybook_BuildsModel()
    {
        var result = Load(Minimal);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        var playbook = result.Playbook;
        Assert.Equal("minimal", playbook.Name);
        Assert.Equal("", playbook.Description);
        Assert.Equal(HandoverDriverKind.Kexec, playbook.Handover);
        Assert.Equal(PreservationMethod.PmemSave, playbook.Preservation);
        Assert.Equal(Source, playbook.Source);
        Assert.Equal(["load", "switch", "resume"], playbook.Steps.Select(s => s.Id));
        Assert.Equal([StepKinds.LoadKernel, StepKinds.Handover, StepKinds.ResumeVms], playbook.Steps.Select(s => s.Kind));
        Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30)], playbook.Steps.Select(s => s.Timeout));
        Assert.Equal(new SourceLocation(Source, 10, 5), playbook.Steps[1].Location);
    }

    [Fact]
    public void LoadText_MinimalPlaybook_SplitsStepsAtPointOfNoReturn()
    {
        var playbook = Load(Minimal).GetPlaybookOrThrow();

        Assert.Equal("switch", playbook.PointOfNoReturn);
        Assert.Equal("switch", playbook.PointOfNoReturnStep.Id);
        Assert.Equal(["load"], playbook.StepsBeforePointOfNoReturn.Select(s => s.Id));
        Assert.Equal(["resume"], playbook.StepsAfterPointOfNoReturn.Select(s => s.Id));
    }

    [Fact]
    public void CompensationFor_StepWithAndWithoutCompensation_FindsOnlyDeclaredOne()
    {
        var playbook = Load(Minimal).GetPlaybookOrThrow();

        var compensation = playbook.CompensationFor("load");
        Assert.NotNull(compensation);
        Assert.Equal(StepKinds.UnloadKernel, compensation.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), compensation.Timeout);
        Assert.Equal(new SourceLocation(Source, 17, 5), compensation.Location);
        Assert.Null(playbook.CompensationFor("resume"));
    }

    [Fact]
    public void LoadText_ParametersOmitted_FillsDefaults()
    {
        var playbook = Load(Minimal).GetPlaybookOrThrow();

        var resume = playbook.Steps[2];
        Assert.Equal(new Dictionary<string, string> { ["parallelism"] = "8" }, resume.Parameters);
        Assert.Equal(8, resume.GetInt("parallelism"));
        Assert.Empty(playbook.Steps[0].Parameters);
    }

    [Fact]
    public void LoadText_ParametersGiven_StoresCanonicalValues()
    {
        var text = Minimal.Replace("timeout: 2m\n", """
            timeout: 2m
              - id: save
                kind: save-vms
                timeout: 1m30s
                with: { target: /mnt/pmem0/lu, parallelism: +2, bypass-cache: False }

            """, StringComparison.Ordinal);

        var save = Load(text).GetPlaybookOrThrow().Steps[1];

        Assert.Equal(TimeSpan.FromSeconds(90), save.Timeout);
        Assert.Equal("/mnt/pmem0/lu", save.GetString("target"));
        Assert.Equal("2", save.Parameters["parallelism"]);
        Assert.Equal(2, save.GetInt("parallelism"));
        Assert.Equal("false", save.Parameters["bypass-cache"]);
        Assert.False(save.GetBool("bypass-cache"));
    }

    [Fact]
    public void LoadText_FullHeader_ReadsDescriptionAndPreservation()
    {
        var text = Minimal.Replace("handover: kexec", "handover: luo\npreservation: pmem-shared-memory\ndescription: \"Test: quoted\"", StringComparison.Ordinal);

        var playbook = Load(text).GetPlaybookOrThrow();

        Assert.Equal(HandoverDriverKind.Luo, playbook.Handover);
        Assert.Equal(PreservationMethod.PmemSharedMemory, playbook.Preservation);
        Assert.Equal("Test: quoted", playbook.Description);
    }

    [Fact]
    public void LoadFile_RealFile_UsesPathAsSource()
    {
        var path = Path.Combine(Path.GetTempPath(), $"playbook-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Minimal);
        try
        {
            var playbook = PlaybookLoader.LoadFile(path).GetPlaybookOrThrow();

            Assert.Equal(path, playbook.Source);
            Assert.Equal(path, playbook.Steps[0].Location.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsReadError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "playbook.yaml");

        var result = PlaybookLoader.LoadFile(path);

        Assert.Null(result.Playbook);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation(path, 1, 1), error.Location);
        Assert.StartsWith("cannot read the playbook: ", error.Message, StringComparison.Ordinal);
    }
}
