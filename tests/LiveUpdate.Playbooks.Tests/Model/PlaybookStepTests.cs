using LiveUpdate.Playbooks.Tests.Loading;

namespace LiveUpdate.Playbooks.Tests.Model;

public sealed class PlaybookStepTests
{
    private static Playbook LoadShipped() => ShippedPlaybooks.Load(ShippedPlaybooks.PmemKexec).GetPlaybookOrThrow();

    [Fact]
    public void GetString_UnknownParameter_ThrowsNamingKnownOnes()
    {
        var suspend = LoadShipped().Steps.Single(s => s.Kind == StepKinds.SuspendVms);

        var exception = Assert.Throws<KeyNotFoundException>(() => suspend.GetString("target"));

        Assert.Contains("step 'suspend' (suspend-vms) has no parameter 'target'; its parameters are: parallelism", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetBool_BoolParameter_ReturnsValue()
    {
        var verify = LoadShipped().Steps.Single(s => s.Kind == StepKinds.Verify);

        Assert.True(verify.GetBool("require-all-running"));
    }

    [Fact]
    public void GetInt_CompensationParameterDefault_ReturnsDefault()
    {
        var restore = LoadShipped().CompensationFor("save");

        Assert.NotNull(restore);
        Assert.Equal(4, restore.GetInt("parallelism"));
        Assert.Equal("/mnt/pmem0/liveupdate", restore.GetString("source"));
    }

    [Fact]
    public void GetDuration_NonDurationParameter_ThrowsFormatException()
    {
        var step = TestPlaybooks.Load(TestPlaybooks.Minimal).GetPlaybookOrThrow().Steps[2];

        Assert.Throws<FormatException>(() => step.GetDuration("parallelism"));
    }
}
