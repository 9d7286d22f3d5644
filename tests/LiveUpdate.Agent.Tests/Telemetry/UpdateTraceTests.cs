using System.Diagnostics;
using Grpc.Core;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Tests.Api;
using LiveUpdate.Host.Sandbox;
using AgentTelemetry = LiveUpdate.Agent.Hosting.Telemetry;

namespace LiveUpdate.Agent.Tests.Telemetry;

public sealed class UpdateTraceTests(LabCertificates certs) : IClassFixture<LabCertificates>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly AgentSandbox _host = new(certs);
    private readonly AgentSpans _spans = new();

    public void Dispose()
    {
        _spans.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task Execute_InsideACallerSpan_EveryStepSpanIsInTheCallerTraceUnderTheUpdateSpan()
    {
        await using var agent = await _host.StartAgentAsync();
        using var caller = new Activity("orchestrator host").Start();

        using var execute = await PrepareAndExecuteAsync(agent, "t1");
        await _host.Terminator.Ended.WaitAsync(Patience);
        var update = await _spans.EndOf(s => s.OperationName == "update t1" && s.TraceId == caller.TraceId).WaitAsync(Patience);

        var steps = _spans.InTrace(caller.TraceId).Where(s => s.OperationName.StartsWith("step ", StringComparison.Ordinal)).ToList();
        Assert.Equal(StartedSteps(agent).Select(id => "step " + id), steps.Select(s => s.OperationName));
        Assert.All(steps, s =>
        {
            Assert.Equal(update.SpanId, s.ParentSpanId);
            Assert.Equal("t1", s.GetTagItem("liveupdate.update.id"));
            Assert.False(string.IsNullOrEmpty(s.GetTagItem("liveupdate.step.kind") as string), $"{s.OperationName} has no kind");
            Assert.Null(s.GetTagItem(AgentTelemetry.PreparedTraceTag));
        });
        Assert.Equal("load-kernel", steps.Single(s => s.OperationName == "step load").GetTagItem("liveupdate.step.kind"));
    }

    [Fact]
    public async Task Execute_StepFails_ItsSpanHasErrorStatusWithTheFailure()
    {
        await using var agent = await _host.StartAgentAsync();
        using var caller = new Activity("orchestrator host").Start();

        // A file in the place of this update's save directory: save-vms fails after suspend-vms.
        using var execute = await PrepareAndExecuteAsync(agent, "t2", () => SandboxTree.WriteFile(_host.Root, "/mnt/pmem0/liveupdate/t2", "in the way"));
        Assert.Equal("RolledBack", (await TestAgent.ReadAllAsync(execute))[^1].State);
        var update = await _spans.EndOf(s => s.OperationName == "update t2" && s.TraceId == caller.TraceId).WaitAsync(Patience);

        var failed = agent.Runtime.Journal.Records.Single(r => r.Type == JournalRecordType.StepFailed);
        var save = Assert.Single(_spans.InTrace(caller.TraceId), s => s.OperationName == "step " + failed.StepId);
        Assert.Equal(ActivityStatusCode.Error, save.Status);
        Assert.Equal(failed.Message, save.StatusDescription);
        Assert.Equal("RolledBack", update.GetTagItem("liveupdate.update.state"));
        Assert.Contains(_spans.InTrace(caller.TraceId), s => s.OperationName == "step undo:suspend" && s.Status == ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task Recover_InTheNewKernel_StepsUnderARecoverySpanInANewTraceTaggedWithThePreparedTrace()
    {
        ActivityTraceId prepared;
        await using (var agent = await _host.StartAgentAsync())
        {
            using var caller = new Activity("orchestrator host").Start();
            prepared = caller.TraceId;
            using var execute = await PrepareAndExecuteAsync(agent, "t3");
            await _host.Terminator.Ended.WaitAsync(Patience);
        }

        await using var restarted = await _host.StartAgentAsync();

        var tagged = _spans.Tagged(AgentTelemetry.PreparedTraceTag, prepared.ToHexString());
        var recover = Assert.Single(tagged, s => s.OperationName == "recover t3");
        var recovery = tagged.Where(s => s.OperationName.StartsWith("step ", StringComparison.Ordinal)).ToList();
        var finished = restarted.Runtime.Journal.Records.Where(r => r.Type == JournalRecordType.StepStarted && r.BootId == restarted.Runtime.BootId).Select(r => "step " + r.StepId);
        Assert.NotEmpty(recovery);
        Assert.Equal(finished, recovery.Select(s => s.OperationName));
        Assert.NotEqual(prepared, recover.TraceId);
        Assert.All(recovery, s => Assert.Equal(recover.SpanId, s.ParentSpanId));
    }

    /// <summary>Stages, prepares and executes the shipped pmem-kexec playbook, both calls in the current span's trace.</summary>
    private async Task<AsyncServerStreamingCall<UpdateEvent>> PrepareAndExecuteAsync(TestAgent agent, string updateId, Action? afterPrepare = null)
    {
        var digest = _host.CreateBundle();
        await agent.StageAsync(_host.BundleDirectory, digest);
        var client = agent.Orchestrator();
        var prepared = await client.PrepareAsync(AgentSandbox.PrepareRequest(updateId, digest, AgentSandbox.ShippedPlaybook("pmem-kexec")));
        Assert.True(prepared.Accepted, string.Join("; ", prepared.Reasons));
        afterPrepare?.Invoke();
        return client.Execute(new ExecuteRequest { UpdateId = updateId });
    }

    private static IEnumerable<string?> StartedSteps(TestAgent agent) =>
        agent.Runtime.Journal.Records.Where(r => r.Type == JournalRecordType.StepStarted).Select(r => r.StepId);
}
