using System.Diagnostics;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Roots;

namespace LiveUpdate.Host.Tests.Facts;

/// <summary>Reads this machine's own /proc and /sys. Read-only: ProcfsHostFacts never writes.</summary>
public sealed class MachineHostFactsTests
{
    [Fact]
    public async Task CaptureAsync_MachineRoot_ReleaseMatchesUname()
    {
        HostFactsSnapshot facts = await new ProcfsHostFacts(HostRoot.Machine).CaptureAsync(CancellationToken.None);

        Assert.Equal(await UnameReleaseAsync(), facts.KernelRelease.Value);
        Assert.True(facts.BootId.IsKnown);
        Assert.True(facts.Cpus.IsKnown);
        Assert.Equal(CpuRangeList.Parse(await File.ReadAllTextAsync("/sys/devices/system/cpu/online")), facts.Cpus.Value!.Online);
        Assert.Equal(File.Exists("/proc/config.gz"), facts.KernelConfig is { IsKnown: true, Value.Source: "/proc/config.gz" });
    }

    private static async Task<string> UnameReleaseAsync()
    {
        using Process uname = Process.Start(new ProcessStartInfo("uname", "-r") { RedirectStandardOutput = true })!;
        string output = await uname.StandardOutput.ReadToEndAsync();
        await uname.WaitForExitAsync();
        return output.Trim();
    }
}
