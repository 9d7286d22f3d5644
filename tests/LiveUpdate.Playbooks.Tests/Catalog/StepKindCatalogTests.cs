namespace LiveUpdate.Playbooks.Tests.Catalog;

public sealed class StepKindCatalogTests
{
    [Fact]
    public void All_KindNames_AreUnique()
    {
        Assert.Equal(StepKindCatalog.All.Count, StepKindCatalog.All.Select(k => k.Name).Distinct().Count());
    }

    [Fact]
    public void CompensationNames_MatchDesign()
    {
        Assert.Equal(
            [StepKinds.UnloadKernel, StepKinds.OnlineCpus, StepKinds.RestoreVms, StepKinds.ResumeVms],
            StepKindCatalog.CompensationNames);
    }

    [Fact]
    public void All_OnlyHandoverSwitchesKernels()
    {
        Assert.Equal([StepKinds.Handover], StepKindCatalog.All.Where(k => k.Kernel == StepKernel.Switch).Select(k => k.Name));
    }

    [Fact]
    public void Get_SaveVms_DescribesParameters()
    {
        var save = StepKindCatalog.Get(StepKinds.SaveVms);

        Assert.Equal(StepKernel.Old, save.Kernel);
        var target = save.FindParameter("target");
        Assert.NotNull(target);
        Assert.True(target.Required);
        Assert.Equal(StepParameterType.String, target.Type);
        Assert.Equal("4", save.FindParameter("parallelism")?.Default);
        Assert.Equal("true", save.FindParameter("bypass-cache")?.Default);
        Assert.Null(save.FindParameter("source"));
    }

    [Fact]
    public void Get_UnknownKind_ThrowsListingKnownKinds()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => StepKindCatalog.Get("reboot"));

        Assert.Contains("preflight, verify-bundle", exception.Message, StringComparison.Ordinal);
    }
}
