using Grpc.Core;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;

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

    [Fact]
    public async Task Prepare_WithOlderBundlesStaged_KeepsOnlyThePreparedAndTheRunningKernels()
    {
        var digest = _host.CreateBundle();
        await using var agent = await _host.StartAgentAsync();
        await agent.StageAsync(_host.BundleDirectory, digest);
        var running = new string('a', 64);
        var older = new string('c', 64);
        foreach (var earlier in new[] { running, older, older + ".staging" })
        {
            Directory.CreateDirectory(agent.Runtime.BundleDirectory(earlier));
            File.WriteAllText(Path.Combine(agent.Runtime.BundleDirectory(earlier), "kernel"), "an earlier kernel");
        }

        SandboxTree.WriteFile(_host.Root, HostPaths.CommandLine, File.ReadAllText(_host.Root.Resolve(HostPaths.CommandLine)).Trim() + $" liveupdate.bundle={running}");

        var prepared = await agent.Orchestrator().PrepareAsync(AgentSandbox.PrepareRequest("b1", digest, AgentSandbox.ShippedPlaybook("pmem-kexec")));

        Assert.True(prepared.Accepted, string.Join("; ", prepared.Reasons));
        Assert.True(Directory.Exists(agent.Runtime.BundleDirectory(digest)));
        Assert.True(Directory.Exists(agent.Runtime.BundleDirectory(running)));
        Assert.False(Directory.Exists(agent.Runtime.BundleDirectory(older)));
        Assert.True(Directory.Exists(agent.Runtime.BundleDirectory(older + ".staging")), "an upload may be going on into a staging directory");
    }
}
