using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Faults;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Kexec;
using LiveUpdate.Host.Roots;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Tests.Crash;

/// <summary>
/// kill -9 of a real agent process at every journal boundary of the shipped pmem-kexec playbook, then
/// a restart without the fault (as systemd restarts it), and every invariant of the design checked
/// against the hypervisor's own view, the sandbox kernel files and the journal.
/// </summary>
public sealed class AgentCrashTests
{
    /// <summary>The release of the lab bundle's kernel (LabOptions.ToRelease).</summary>
    private const string NewRelease = "6.1.0-50-lab";

    private static readonly TimeSpan ProcessDeadline = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Points => CrashPoints.All();

    public static TheoryData<string> Completions => CrashPoints.CompletionsInBlackout();

    [Theory]
    [MemberData(nameof(Points))]
    [Trait("Category", "libvirtd")]
    public Task Execute_AgentKilledAtBoundary_RestartedAgentEndsWithEveryInvariant(string point) =>
        CrashAndRecoverAsync(point, loseUnsynced: false);

    /// <summary>
    /// A step's completion reaches the disk with the record after it. Killed right after one, with the
    /// not-yet-fsync'ed record lost as well (cut from the file, as a kernel crash or power cut would), the
    /// restarted agent finds the step started and not completed, and — every step being idempotent —
    /// runs it again or undoes it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Completions))]
    [Trait("Category", "libvirtd")]
    public Task Execute_CompletionLostBeforeItsFsync_StepRunsAgainOrIsUndone(string point) =>
        CrashAndRecoverAsync(point, loseUnsynced: true);

    private static async Task CrashAndRecoverAsync(string point, bool loseUnsynced)
    {
        var playbook = CrashPoints.Load();
        var fault = FaultPoint.Parse(point);
        var switched = CrashPoints.IsAfterKernelSwitch(playbook, fault);
        var endState = switched ? "Completed" : "RolledBack";
        await using var host = await CrashHost.CreateAsync(point + (loseUnsynced ? "-lost" : ""));

        var digest = await CrashUntilKilledAsync(host, point, switched);
        if (loseUnsynced)
        {
            host.CutLastJournalRecord(fault);
        }

        await using var restarted = host.StartAgent(fault: null);
        var events = await host.WatchToEndAsync(ProcessDeadline);
        var status = await host.Client.StatusAsync(new StatusRequest(), CrashHost.Patiently(ProcessDeadline));

        Assert.Equal(endState, status.State);
        JournalChecks.AssertConsistent(events, playbook, fault, endState, faultRecordLost: loseUnsynced);
        AssertEveryVmRunsOnce(host);
        AssertAllCpusOnlineAndNoImage(host);
        Assert.False(Directory.Exists(host.Root.Resolve("/mnt/pmem0/liveupdate/" + CrashHost.UpdateId)), "the saved VM state outlived the update");
        if (switched)
        {
            Assert.Equal(NewRelease, host.Read(HostPaths.KernelRelease));
            Assert.NotEqual(host.OldBootId, host.Read(HostPaths.BootId));
            Assert.Equal([host.OldBootId, status.BootId], events.Select(e => e.BootId).Distinct());
            var cmdline = host.Read(HostPaths.CommandLine);
            Assert.Contains("liveupdate.generation=1", cmdline, StringComparison.Ordinal);
            Assert.Contains($"liveupdate.bundle={digest}", cmdline, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(host.OldRelease, host.Read(HostPaths.KernelRelease));
            Assert.Equal(host.OldBootId, host.Read(HostPaths.BootId));
            Assert.Equal(host.OldBootId, status.BootId);
        }
    }

    /// <summary>
    /// Runs the update under the fault until the agent kills itself. A point past the kernel switch is
    /// reached by the agent of the new kernel, so the one the sim handover ends is started again, still
    /// with the fault, as systemd would start it after a kexec.
    /// </summary>
    private static async Task<string> CrashUntilKilledAsync(CrashHost host, string point, bool switched)
    {
        var agent = host.StartAgent(point);
        try
        {
            var digest = await host.StageAndPrepareAsync();
            using var execute = host.Client.Execute(new ExecuteRequest { UpdateId = CrashHost.UpdateId });
            var handovers = 0;
            int exit;
            while ((exit = await agent.WaitForExitAsync(ProcessDeadline)) != AgentProcess.KilledBySigKill)
            {
                Assert.True(exit == 0 && handovers == 0, $"the agent with fault {point} ended with {exit} without being killed:\n{agent.Output}");
                handovers++;
                await agent.DisposeAsync();
                agent = host.StartAgent(point);
            }

            Assert.Equal(switched ? 1 : 0, handovers);
            return digest;
        }
        finally
        {
            await agent.DisposeAsync();
        }
    }

    private static void AssertEveryVmRunsOnce(CrashHost host)
    {
        var domains = host.Hypervisor.Domains();
        Assert.Equal(host.Spec.Vms.Select(v => v.Name).Order(StringComparer.Ordinal), domains.Select(d => d.Name));
        Assert.All(domains, d => Assert.Equal(DomainState.Running, d.State));
    }

    private static void AssertAllCpusOnlineAndNoImage(CrashHost host)
    {
        var present = CpuRangeList.Parse(host.Read(HostPaths.CpusPresent));
        foreach (var cpu in present.Where(c => File.Exists(host.Root.Resolve(HostPaths.CpuOnline(c)))))
        {
            Assert.Equal("1", host.Read(HostPaths.CpuOnline(cpu)));
        }

        Assert.Null(KexecDriver.ReadSandboxImage(host.Root));
        Assert.Equal("0", host.Read(HostPaths.KexecLoaded));
    }
}
