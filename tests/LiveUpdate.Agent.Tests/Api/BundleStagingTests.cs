using Grpc.Core;

namespace LiveUpdate.Agent.Tests.Api;

public sealed class BundleStagingTests(LabCertificates certs) : IClassFixture<LabCertificates>, IDisposable
{
    private readonly AgentSandbox _host = new(certs);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StageBundle_VerifiedBundle_RenamedToItsDigest()
    {
        var digest = _host.CreateBundle();
        await using var agent = await _host.StartAgentAsync();

        var staged = await agent.StageAsync(_host.BundleDirectory, digest);

        Assert.Equal(digest, staged.BundleDigest);
        Assert.True(File.Exists(Path.Combine(agent.Runtime.BundleDirectory(digest), "kernel")));
        Assert.False(Directory.Exists(agent.Runtime.BundleDirectory(digest) + ".staging"));
    }

    [Fact]
    public async Task StageBundle_AnnouncedDigestIsAnotherBundle_RefusedAndRemoved()
    {
        _host.CreateBundle();
        var announced = new string('b', 64);
        await using var agent = await _host.StartAgentAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => agent.StageAsync(_host.BundleDirectory, announced));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("refused and removed", error.Status.Detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(agent.Runtime.BundleDirectory(announced)));
        Assert.False(Directory.Exists(agent.Runtime.BundleDirectory(announced) + ".staging"));
    }
}
