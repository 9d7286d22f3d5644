namespace LiveUpdate.Playbooks.Tests.Shipped;

public sealed class ShippedPlaybooksTests
{
    public static TheoryData<string> Names => [.. ShippedPlaybooks.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Load_ShippedPlaybook_SucceedsWithMatchingName(string name)
    {
        var result = ShippedPlaybooks.Load(name);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(name, result.Playbook.Name);
        Assert.Equal(StepKinds.Handover, result.Playbook.PointOfNoReturnStep.Kind);
        Assert.NotEmpty(result.Playbook.Description);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Load_ShippedPlaybook_CompensatesEveryStepThatChangesTheHost(string name)
    {
        var playbook = ShippedPlaybooks.Load(name).GetPlaybookOrThrow();

        string[] reversible = [StepKinds.LoadKernel, StepKinds.SuspendVms, StepKinds.SaveVms, StepKinds.OfflineCpu];
        foreach (var step in playbook.StepsBeforePointOfNoReturn.Where(s => reversible.Contains(s.Kind)))
        {
            Assert.True(playbook.CompensationFor(step.Id) is not null, $"{name}: step '{step.Id}' has no compensation");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Load_ShippedPlaybook_RestoresFromWhereItSaved(string name)
    {
        var playbook = ShippedPlaybooks.Load(name).GetPlaybookOrThrow();

        var target = playbook.Steps.Single(s => s.Kind == StepKinds.SaveVms).GetString("target");
        Assert.Equal(target, playbook.Steps.Single(s => s.Kind == StepKinds.RestoreVms).GetString("source"));
        Assert.Equal(target, playbook.CompensationFor("save")?.GetString("source"));
    }

    [Fact]
    public void Load_PmemKexec_HasDocumentedStepOrder()
    {
        var playbook = ShippedPlaybooks.Load(ShippedPlaybooks.PmemKexec).GetPlaybookOrThrow();

        Assert.Equal(HandoverDriverKind.Kexec, playbook.Handover);
        Assert.Equal(PreservationMethod.PmemSave, playbook.Preservation);
        Assert.Equal(
            [StepKinds.Preflight, StepKinds.VerifyBundle, StepKinds.LoadKernel, StepKinds.SuspendVms, StepKinds.SaveVms, StepKinds.OfflineCpu,
             StepKinds.Handover, StepKinds.OnlineCpus, StepKinds.RestoreVms, StepKinds.ResumeVms, StepKinds.Verify],
            playbook.Steps.Select(s => s.Kind));
        Assert.Equal("/mnt/pmem0/liveupdate", playbook.Steps[4].GetString("target"));
    }

    [Fact]
    public void Load_PmemMultikernel_OfflinesCpuBeforeLoadingKernel()
    {
        var playbook = ShippedPlaybooks.Load(ShippedPlaybooks.PmemMultikernel).GetPlaybookOrThrow();

        Assert.Equal(HandoverDriverKind.Multikernel, playbook.Handover);
        var kinds = playbook.Steps.Select(s => s.Kind).ToList();
        Assert.True(kinds.IndexOf(StepKinds.OfflineCpu) < kinds.IndexOf(StepKinds.LoadKernel));
    }

    [Fact]
    public void Load_SaveToDiskKexec_SavesToDisk()
    {
        var playbook = ShippedPlaybooks.Load(ShippedPlaybooks.SaveToDiskKexec).GetPlaybookOrThrow();

        Assert.Equal(PreservationMethod.DiskSave, playbook.Preservation);
        Assert.Equal("/var/lib/liveupdate/vm-state", playbook.Steps.Single(s => s.Kind == StepKinds.SaveVms).GetString("target"));
    }

    [Fact]
    public void DirectoryPath_BuildOutput_HoldsExactlyTheShippedFiles()
    {
        var files = Directory.GetFiles(ShippedPlaybooks.DirectoryPath, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(ShippedPlaybooks.Names.Order(), files);
    }

    [Fact]
    public void DirectoryPath_SourceTree_HoldsExactlyTheShippedFiles()
    {
        var shipped = Path.Combine(RepositoryRoot.Path, "Playbooks", "shipped");

        var files = Directory.GetFiles(shipped, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order();

        Assert.Equal(ShippedPlaybooks.Names.Order(), files);
    }

    [Fact]
    public void PathOf_UnknownName_ThrowsListingShippedNames()
    {
        var exception = Assert.Throws<ArgumentException>(() => ShippedPlaybooks.PathOf("pmem"));

        Assert.Contains("pmem-kexec, pmem-multikernel, save-to-disk-kexec", exception.Message, StringComparison.Ordinal);
    }
}
