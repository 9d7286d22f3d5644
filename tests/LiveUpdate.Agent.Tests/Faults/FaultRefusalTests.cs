using LiveUpdate.Agent.Faults;
using LiveUpdate.Agent.Tests.Api;
using LiveUpdate.Agent.Tests.Crash;

namespace LiveUpdate.Agent.Tests.Faults;

/// <summary>The real agent process refuses to start with a fault it must not honour, and says why.</summary>
public sealed class FaultRefusalTests(LabCertificates certs) : IClassFixture<LabCertificates>, IDisposable
{
    private readonly AgentSandbox _host = new(certs);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Serve_FaultWithoutSandbox_ExitsFailedBeforeListening()
    {
        // A sandbox tree as the root, but no --sandbox: the handover is not simulated, so no fault may act.
        await using var agent = AgentProcess.Start(["serve", "--config", _host.ConfigFile, "--Agent:Root=" + _host.Root.Path], "StepStarted:suspend", _host.StateDirectory);

        var exit = await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        Assert.Contains($"{FaultInjection.Variable}=StepStarted:suspend is set, but this agent runs on a real host", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MalformedFaultInSandbox_ExitsFailedNamingTheForm()
    {
        await using var agent = AgentProcess.Start(["serve", "--config", _host.ConfigFile, "--sandbox", _host.Root.Path], "suspend", _host.StateDirectory);

        var exit = await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit);
        Assert.Contains("is not a fault point; write it as RecordType:subject", agent.Output, StringComparison.Ordinal);
    }
}
