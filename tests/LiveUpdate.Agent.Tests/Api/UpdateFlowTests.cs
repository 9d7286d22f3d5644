using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Host.Kexec;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Tests.Api;

public sealed class UpdateFlowTests(LabCertificates certs) : IClassFixture<LabCertificates>, IDisposable
{
    private readonly AgentSandbox _host = new(certs);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Execute_SimHandoverThenRestart_RecoversToCompletedInTheNewKernel()
    {
        var oldBoot = File.ReadAllText(_host.Root.Resolve(HostPaths.BootId)).Trim();
        var digest = _host.CreateBundle();
        await using (var agent = await _host.StartAgentAsync())
        {
            await agent.StageAsync(_host.BundleDirectory, digest);
            var prepared = await agent.Orchestrator().PrepareAsync(AgentSandbox.PrepareRequest("u1", digest, AgentSandbox.ShippedPlaybook("pmem-kexec")));
            Assert.True(prepared.Accepted, string.Join("; ", prepared.Reasons));

            using var execute = agent.Orchestrator().Execute(new ExecuteRequest { UpdateId = "u1" });
            var reason = await _host.Terminator.Ended;

            Assert.Contains(AgentSandbox.NewRelease, reason, StringComparison.Ordinal);
            var refused = await agent.Orchestrator().AbortAsync(new AbortRequest { UpdateId = "u1", Reason = "too late" });
            Assert.False(refused.Accepted);
            Assert.Contains("past the point of no return", refused.Reason, StringComparison.Ordinal);
        }

        await using var restarted = await _host.StartAgentAsync();
        var client = restarted.Orchestrator();
        var status = await client.StatusAsync(new StatusRequest());
        var events = await TestAgent.ReadAllAsync(client.Watch(new WatchRequest { UpdateId = "u1", AfterSequence = 0 }));

        Assert.Equal("Completed", status.State);
        Assert.Equal(AgentSandbox.NewRelease, status.KernelRelease);
        Assert.NotEqual(oldBoot, status.BootId);
        Assert.Equal(1, status.Generation);
        var cmdline = File.ReadAllText(_host.Root.Resolve(HostPaths.CommandLine));
        Assert.Contains($"liveupdate.bundle={digest}", cmdline, StringComparison.Ordinal);
        Assert.Contains("liveupdate.generation=1", cmdline, StringComparison.Ordinal);
        Assert.Contains("memmap=2048M!4096M", cmdline, StringComparison.Ordinal);
        AssertAllVmsRunning();
        AssertAllCpusOnlineAndNoImage();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(status.LastSequence, events[^1].Sequence);
        Assert.Equal("Completed", events[^1].State);
        Assert.Equal([oldBoot, status.BootId], events.Select(e => e.BootId).Distinct());
        Assert.Contains(events, e => e.Type == "StepCompleted" && e.StepId == "verify");
        Assert.False(Directory.Exists(SaveDirectory("u1")), "the saved VM state outlived the update that no longer needs it");

        var late = await client.AbortAsync(new AbortRequest { UpdateId = "u1", Reason = "too late" });
        Assert.False(late.Accepted);
        Assert.Contains("past the point of no return", late.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_NewKernelWithoutTheUpdatesTokens_NeedsAttentionAndKeepsEverySavedVm()
    {
        var digest = _host.CreateBundle();
        await using (var agent = await _host.StartAgentAsync())
        {
            await agent.StageAsync(_host.BundleDirectory, digest);
            Assert.True((await agent.Orchestrator().PrepareAsync(AgentSandbox.PrepareRequest("u4", digest, AgentSandbox.ShippedPlaybook("pmem-kexec")))).Accepted);
            using var execute = agent.Orchestrator().Execute(new ExecuteRequest { UpdateId = "u4" });
            await _host.Terminator.Ended;
        }

        // Some other kernel came up (a cold boot, not the planned one): the agent cannot tell where the VMs should be.
        SandboxTree.WriteFile(_host.Root, HostPaths.CommandLine, "console=ttyS0 memmap=2048M!4096M");
        await using var restarted = await _host.StartAgentAsync();

        Assert.Equal("NeedsAttention", (await restarted.Orchestrator().StatusAsync(new StatusRequest())).State);
        Assert.Equal(AgentSandbox.VmCount, Directory.GetFiles(SaveDirectory("u4"), "*.state").Length);
    }

    [Fact]
    public async Task Abort_WhileExecutingBeforePointOfNoReturn_RollsBackWithEveryInvariant()
    {
        var digest = _host.CreateBundle();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var agent = await _host.StartAgentAsync(holdSuspend: hold);
        await agent.StageAsync(_host.BundleDirectory, digest);
        var client = agent.Orchestrator();
        Assert.True((await client.PrepareAsync(AgentSandbox.PrepareRequest("u2", digest, AgentSandbox.ShippedPlaybook("pmem-kexec")))).Accepted);

        using var execute = client.Execute(new ExecuteRequest { UpdateId = "u2" });
        await _host.Vms!.SuspendEntered;
        var abort = await client.AbortAsync(new AbortRequest { UpdateId = "u2", Reason = "operator" });
        var events = await TestAgent.ReadAllAsync(execute);

        Assert.True(abort.Accepted, abort.Reason);
        Assert.Equal("RolledBack", events[^1].State);
        Assert.Contains(events, e => e.Type == "CompensationCompleted" && e.StepId == "load");
        Assert.DoesNotContain(events, e => e.StepId == "handover");
        AssertAllVmsRunning();
        AssertAllCpusOnlineAndNoImage();
    }

    [Fact]
    public async Task Execute_SaveTargetBlockedAfterPrepare_RollsBackWithEveryInvariant()
    {
        var digest = _host.CreateBundle();
        await using var agent = await _host.StartAgentAsync();
        await agent.StageAsync(_host.BundleDirectory, digest);
        var client = agent.Orchestrator();

        Assert.True((await client.PrepareAsync(AgentSandbox.PrepareRequest("u3", digest, AgentSandbox.ShippedPlaybook("pmem-kexec")))).Accepted);

        // After Prepare a file takes the place of this update's save directory: save-vms fails after suspend-vms.
        SandboxTree.WriteFile(_host.Root, "/mnt/pmem0/liveupdate/u3", "in the way");
        var events = await TestAgent.ReadAllAsync(client.Execute(new ExecuteRequest { UpdateId = "u3" }));

        Assert.Equal("RolledBack", events[^1].State);
        Assert.Contains(events, e => e.Type == "StepFailed" && e.StepId == "save");
        Assert.Contains(events, e => e.Type == "CompensationCompleted" && e.StepId == "suspend");
        AssertAllVmsRunning();
        AssertAllCpusOnlineAndNoImage();
        Assert.Equal("RolledBack", (await client.StatusAsync(new StatusRequest())).State);
    }

    [Fact]
    public async Task Prepare_SecondUpdateWhileOneIsPrepared_RefusedWithTheReason()
    {
        var digest = _host.CreateBundle();
        await using var agent = await _host.StartAgentAsync();
        await agent.StageAsync(_host.BundleDirectory, digest);
        var client = agent.Orchestrator();
        Assert.True((await client.PrepareAsync(AgentSandbox.PrepareRequest("u4", digest, AgentSandbox.ShippedPlaybook("pmem-kexec")))).Accepted);

        var second = await client.PrepareAsync(AgentSandbox.PrepareRequest("u5", digest, AgentSandbox.ShippedPlaybook("pmem-kexec")));

        Assert.False(second.Accepted);
        Assert.Equal("update-in-flight", Assert.Single(second.Reasons).Code);
        Assert.Contains("u4", second.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_PlaybookDigestMismatch_RefusedAndNothingJournaled()
    {
        var digest = _host.CreateBundle();
        await using var agent = await _host.StartAgentAsync();
        await agent.StageAsync(_host.BundleDirectory, digest);
        var request = AgentSandbox.PrepareRequest("u6", digest, AgentSandbox.ShippedPlaybook("pmem-kexec"));
        request.PlaybookDigest = new string('0', 64);

        var response = await agent.Orchestrator().PrepareAsync(request);

        Assert.False(response.Accepted);
        Assert.Contains(response.Reasons, r => r.Code == "playbook-digest-mismatch");
        Assert.Empty(agent.Runtime.Journal.Records);
    }

    private void AssertAllVmsRunning()
    {
        var domains = _host.Libvirt.ListDomains();
        try
        {
            Assert.Equal(AgentSandbox.VmCount, domains.Count(d => d.GetState().State == DomainState.Running));
        }
        finally
        {
            foreach (var d in domains)
            {
                d.Dispose();
            }
        }
    }

    private string SaveDirectory(string updateId) => _host.Root.Resolve("/mnt/pmem0/liveupdate/" + updateId);

    private void AssertAllCpusOnlineAndNoImage()
    {
        for (var cpu = 1; cpu < 4; cpu++)
        {
            Assert.Equal("1", File.ReadAllText(_host.Root.Resolve(HostPaths.CpuOnline(cpu))).Trim());
        }

        Assert.Null(KexecDriver.ReadSandboxImage(_host.Root));
        Assert.Equal("0", File.ReadAllText(_host.Root.Resolve(HostPaths.KexecLoaded)).Trim());
    }
}
