using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace LiveUpdate.Agent.Contracts.Security;

/// <summary>
/// The client side of the agent API's mutual TLS: present our certificate, and accept the agent's only
/// when it chains to our CA (never the system store) and names the host we meant to reach.
/// </summary>
public static class MutualTlsChannel
{
    /// <param name="onRefused">Told why a server certificate was refused (for the log).</param>
    /// <param name="tune">Adjusts the handler (timeouts, keep-alive) before the channel is built.</param>
    public static GrpcChannel Create(
        Uri endpoint,
        string caPemPath,
        string clientCertificatePemPath,
        string clientKeyPemPath,
        string expectedServerName,
        Action<string>? onRefused = null,
        Action<SocketsHttpHandler>? tune = null)
    {
        var validator = PeerCertificateValidator.ForServers(caPemPath, expectedServerName);
        var clientCertificate = X509Certificate2.CreateFromPemFile(clientCertificatePemPath, clientKeyPemPath);
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
                        onRefused?.Invoke(refusal);
                    }

                    return refusal is null;
                },
            },
        };
        tune?.Invoke(handler);
        return GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
