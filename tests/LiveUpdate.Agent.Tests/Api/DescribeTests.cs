using Grpc.Core;
using LiveUpdate.Agent.Api.V1;

namespace LiveUpdate.Agent.Tests.Api;

/// <summary>Describe's preflight answers for the caller's own playbook, installed on the host or not.</summary>
public sealed class DescribeTests(LabCertificates certs) : IClassFixture<LabCertificates>, IDisposable
{
    private readonly AgentSandbox _host = new(certs);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Describe_PlaybookNotInstalledOnTheHost_PreflightAnswersForItToo()
    {
        var custom = AgentSandbox.ShippedPlaybook("pmem-kexec").Replace("\nname: pmem-kexec\n", "\nname: site-kexec\n", StringComparison.Ordinal);
        await using var agent = await _host.StartAgentAsync();

        var installedOnly = await agent.Orchestrator().DescribeAsync(new DescribeRequest());
        var withCallers = await agent.Orchestrator().DescribeAsync(new DescribeRequest { PlaybookYaml = custom });

        Assert.DoesNotContain(installedOnly.Preflight, p => p.Playbook == "site-kexec");
        var answer = Assert.Single(withCallers.Preflight, p => p.Playbook == "site-kexec");
        var shipped = Assert.Single(withCallers.Preflight, p => p.Playbook == "pmem-kexec");
        Assert.Equal(shipped.Ready, answer.Ready);
        Assert.Equal(shipped.Reasons.Select(r => r.Code), answer.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task Describe_PlaybookOfAnInstalledName_CheckedAsTheCallerWroteIt()
    {
        // The caller's pmem-kexec saves to a directory the sandbox host does not have: only its preflight can say so.
        var callers = AgentSandbox.ShippedPlaybook("pmem-kexec").Replace("/mnt/pmem0/liveupdate", "/mnt/nowhere/liveupdate", StringComparison.Ordinal);
        await using var agent = await _host.StartAgentAsync();

        var installed = Assert.Single((await agent.Orchestrator().DescribeAsync(new DescribeRequest())).Preflight, p => p.Playbook == "pmem-kexec");
        var asWritten = Assert.Single((await agent.Orchestrator().DescribeAsync(new DescribeRequest { PlaybookYaml = callers })).Preflight, p => p.Playbook == "pmem-kexec");

        Assert.NotEqual(installed.Reasons.Select(r => r.Code), asWritten.Reasons.Select(r => r.Code));
        Assert.False(asWritten.Ready);
    }

    [Fact]
    public async Task Describe_PlaybookThatDoesNotLoad_RefusedWithTheErrorsLocation()
    {
        await using var agent = await _host.StartAgentAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            agent.Orchestrator().DescribeAsync(new DescribeRequest { PlaybookYaml = "apiVersion: liveupdate.dev/v1\nkind: Playbook\nname: x\nsteps: 3\n" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("DescribeRequest.playbook_yaml:", refused.Status.Detail, StringComparison.Ordinal);
    }
}
