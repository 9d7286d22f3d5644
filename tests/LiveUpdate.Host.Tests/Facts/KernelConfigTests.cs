using LiveUpdate.Host.Facts;

namespace LiveUpdate.Host.Tests.Facts;

public sealed class KernelConfigTests
{
    private const string Text = """
        #
        # Automatically generated file; DO NOT EDIT.
        CONFIG_KEXEC_FILE=y
        CONFIG_BLK_DEV_PMEM=m
        # CONFIG_KEXEC_SIG_FORCE is not set
        CONFIG_LOCALVERSION="-lab"
        CONFIG_NR_CPUS=64
        """;

    [Theory]
    [InlineData("CONFIG_KEXEC_FILE", "y")]
    [InlineData("CONFIG_BLK_DEV_PMEM", "m")]
    [InlineData("CONFIG_LOCALVERSION", "-lab")]
    [InlineData("CONFIG_NR_CPUS", "64")]
    [InlineData("CONFIG_KEXEC_SIG_FORCE", null)]
    [InlineData("CONFIG_ABSENT", null)]
    public void Get_ConfigText_ReturnsValueOrNull(string key, string? expected)
    {
        Assert.Equal(expected, KernelConfig.Parse(Text, "/boot/config-x").Get(key));
    }

    [Fact]
    public void IsBuiltIn_Module_IsFalse()
    {
        KernelConfig config = KernelConfig.Parse(Text, "/boot/config-x");

        Assert.True(config.IsBuiltIn("CONFIG_KEXEC_FILE"));
        Assert.False(config.IsBuiltIn("CONFIG_BLK_DEV_PMEM"));
    }
}
