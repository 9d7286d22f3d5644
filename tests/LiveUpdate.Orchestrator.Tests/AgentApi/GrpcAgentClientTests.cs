using System.Diagnostics;
using LiveUpdate.Orchestrator.AgentApi;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveUpdate.Orchestrator.Tests.AgentApi;

public sealed class GrpcAgentClientTests(LabCertificates certs) : IClassFixture<LabCertificates>
{
    private AgentClientOptions Options(int retries) => new()
    {
        CaPemPath = certs.Ca,
        ClientCertificatePemPath = certs.ClientCert,
        ClientKeyPemPath = certs.ClientKey,
        CallTimeout = TimeSpan.FromSeconds(10),
        RetryAttempts = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(5),
    };

    private GrpcAgentClient Client(StubAgentServer server, string expectedName, int retries = 3) =>
        new(expectedName, server.Address, expectedName, Options(retries), TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public async Task DescribeAsync_ServerCertificateNamesTheHost_Succeeds()
    {
        await using var server = await StubAgentServer.StartAsync(certs.HostCert("hv-a"), certs.HostKey("hv-a"));
        using var client = Client(server, "hv-a");

        var description = await client.DescribeAsync(playbookYaml: null, CancellationToken.None);

        Assert.Equal("6.1.0-40-amd64", description.KernelRelease);
        Assert.Equal(1, server.Agent.DescribeCalls);
    }

    [Fact]
    public async Task DescribeAsync_ServerCertificateOfAnotherHost_RefusedBeforeAnyCall()
    {
        await using var server = await StubAgentServer.StartAsync(certs.HostCert("hv-b"), certs.HostKey("hv-b"));
        using var client = Client(server, "hv-a", retries: 1);

        await Assert.ThrowsAsync<AgentUnavailableException>(() => client.DescribeAsync(playbookYaml: null, CancellationToken.None));

        Assert.Equal(0, server.Agent.DescribeCalls);
    }

    [Fact]
    public async Task DescribeAsync_UnavailableTwice_RetriedUntilItAnswers()
    {
        await using var server = await StubAgentServer.StartAsync(certs.HostCert("hv-a"), certs.HostKey("hv-a"));
        server.Agent.FailFirst = 2;
        using var client = Client(server, "hv-a", retries: 3);

        await client.DescribeAsync(playbookYaml: null, CancellationToken.None);

        Assert.Equal(3, server.Agent.DescribeCalls);
    }

    [Fact]
    public async Task ExecuteAsync_Unavailable_NeverRetried()
    {
        await using var server = await StubAgentServer.StartAsync(certs.HostCert("hv-a"), certs.HostKey("hv-a"));
        using var client = Client(server, "hv-a", retries: 5);

        await Assert.ThrowsAsync<AgentUnavailableException>(async () =>
        {
            await foreach (var _ in client.ExecuteAsync("u1", CancellationToken.None))
            {
            }
        });

        Assert.Equal(1, server.Agent.ExecuteCalls);
    }

    [Fact]
    public async Task DescribeAsync_InsideActivity_SendsTraceParent()
    {
        await using var server = await StubAgentServer.StartAsync(certs.HostCert("hv-a"), certs.HostKey("hv-a"));
        using var client = Client(server, "hv-a");
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        await client.DescribeAsync(playbookYaml: null, CancellationToken.None);

        Assert.Equal(activity.Id, server.Agent.LastTraceParent);
    }
}
