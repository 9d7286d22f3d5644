using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Contracts.Security;
using LiveUpdate.E2E.Tests.Lab;

namespace LiveUpdate.E2E.Tests.Agent;

/// <summary>
/// The orchestrator's side of the agent API, reduced to what these tests need: an mTLS channel with the
/// lab's orchestrator certificate, checking that the agent presents "lab-host" from the lab CA. HTTP/2
/// keep-alive pings notice a connection whose kernel vanished (a kexec sends no FIN) within seconds.
/// </summary>
public sealed class AgentConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public AgentConnection(LabInputs inputs, int port)
    {
        var servers = PeerCertificateValidator.ForServers(inputs.Ca, LabInputs.HostName);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingDelay = TimeSpan.FromSeconds(5),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [X509Certificate2.CreateFromPemFile(inputs.OrchestratorCertificate, inputs.OrchestratorKey)],
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is X509Certificate2 c && servers.Check(c) is null,
            },
        };
        _channel = GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
        Client = new HostAgent.HostAgentClient(_channel);
    }

    public HostAgent.HostAgentClient Client { get; }

    public void Dispose() => _channel.Dispose();
}
