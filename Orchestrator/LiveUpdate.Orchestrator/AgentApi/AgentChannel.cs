using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using LiveUpdate.Agent.Contracts.Security;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>
/// The mutual-TLS channel to one agent. The agent's certificate must chain to our CA (not the system store) and
/// name the host we meant to reach: a valid certificate of another host is refused, so a mixed-up inventory
/// address can never send one host's update to another.
/// </summary>
internal static class AgentChannel
{
    public static GrpcChannel Create(Uri endpoint, string expectedCertificateName, AgentClientOptions options, ILogger logger)
    {
        var validator = PeerCertificateValidator.ForServers(options.CaPemPath, expectedCertificateName);
        var clientCertificate = X509Certificate2.CreateFromPemFile(options.ClientCertificatePemPath, options.ClientKeyPemPath);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [clientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    var refusal = validator.Check(certificate as X509Certificate2);
                    if (refusal is not null)
                    {
                        OrchestratorLog.AgentCertificateRefused(logger, endpoint, expectedCertificateName, refusal);
                    }

                    return refusal is null;
                },
            },
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(20),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            ConnectTimeout = options.CallTimeout,
        };
        return GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
