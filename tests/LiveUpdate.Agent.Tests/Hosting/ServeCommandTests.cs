using System.Net;
using System.Net.Sockets;
using LiveUpdate.Agent.Cli;

namespace LiveUpdate.Agent.Tests.Hosting;

public sealed class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("agent-serve");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_BadConfig_ExitsOneWithOneReasonPerProblemAndListensNowhere()
    {
        var port = LoopbackPort.Free();
        var config = _dir.WriteFile("agent.json", $$"""
            { "Agent": {
                "HostName": "hv-01",
                "Listen": "https://127.0.0.1:{{port}}",
                "StateDirectory": "{{_dir.Combine("state")}}",
                "LibvirtUri": "test:///default",
                "Tls": { "Certificate": "/nonexistent/host.pem", "Key": "/nonexistent/host.key", "ClientCa": "/nonexistent/ca.pem" } } }
            """);
        var error = new StringWriter();

        var exit = await AgentCli.RunAsync(["serve", "--config", config, "--Agent:Root=/nonexistent-root"], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(AgentCli.Failed, exit);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("Agent:Tls:Certificate: file '/nonexistent/host.pem' does not exist", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Agent:Tls:ClientCa", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Agent:Root: directory '/nonexistent-root' does not exist", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_dir.Combine("state")));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task RunAsync_MissingConfigFile_ExitsOneNamingTheFile()
    {
        var error = new StringWriter();

        var exit = await AgentCli.RunAsync(["serve", "--config", _dir.Combine("missing.json")], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(AgentCli.Failed, exit);
        Assert.Contains("missing.json", error.ToString(), StringComparison.Ordinal);
    }
}
