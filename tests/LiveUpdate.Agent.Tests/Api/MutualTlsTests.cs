using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using LiveUpdate.Agent.Api.V1;

namespace LiveUpdate.Agent.Tests.Api;

public sealed class MutualTlsTests(LabCertificates certs) : IClassFixture<LabCertificates>, IAsyncLifetime
{
    private AgentSandbox _host = null!;
    private TestAgent _agent = null!;

    public async Task InitializeAsync()
    {
        _host = new AgentSandbox(certs);
        _agent = await _host.StartAgentAsync();
    }

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Prepare_NoClientCertificate_RefusedInHandshakeAndNothingJournaled() =>
        await AssertRefusedAsync(null, "no certificate presented");

    [Fact]
    public async Task Prepare_CertificateFromAnotherCa_RefusedInHandshakeAndNothingJournaled() =>
        await AssertRefusedAsync(certs.OtherCa, "does not chain to the configured CA");

    [Fact]
    public async Task Prepare_ValidCaWrongIdentity_RefusedInHandshakeAndNothingJournaled() =>
        await AssertRefusedAsync(certs.WrongIdentity, "expected 'liveupdate-orchestrator'");

    [Fact]
    public async Task DescribeAndStatus_ValidClient_ReturnsTheSandboxHost()
    {
        var client = _agent.Orchestrator();

        var described = await client.DescribeAsync(new DescribeRequest());
        var status = await client.StatusAsync(new StatusRequest());

        Assert.Equal(LabCertificates.HostName, described.HostName);
        Assert.Equal("6.1.0-28-cloud-amd64", described.Facts.KernelRelease);
        Assert.Equal(AgentSandbox.VmCount, described.Facts.VmCount);
        Assert.Equal(4, described.Facts.CpusOnline);
        Assert.Equal(2UL << 30, described.Facts.PmemBytes);
        Assert.Equal(["sim"], described.Capabilities.HandoverDrivers);
        Assert.Contains(described.Preflight, p => p.Playbook == "pmem-kexec" && p.Ready);
        Assert.Equal("Idle", status.State);
        Assert.Equal(described.Facts.BootId, status.BootId);
        Assert.Equal(0, status.LastSequence);
    }

    private async Task AssertRefusedAsync(X509Certificate2? certificate, string reason)
    {
        var client = _agent.Client(certificate);
        var digest = new string('a', 64);

        await Assert.ThrowsAsync<RpcException>(async () =>
            await client.PrepareAsync(AgentSandbox.PrepareRequest("u-refused", digest, AgentSandbox.ShippedPlaybook("pmem-kexec"))));

        Assert.Empty(_agent.Runtime.Journal.Records);
        Assert.False(Directory.Exists(_agent.Runtime.UpdateDirectory("u-refused")));
        Assert.Contains(_host.Logs.Messages, m => m.StartsWith("1 Refused a client", StringComparison.Ordinal) && m.Contains(reason, StringComparison.Ordinal));
    }
}
