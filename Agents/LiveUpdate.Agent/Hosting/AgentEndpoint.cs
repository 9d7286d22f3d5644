using System.Net;
using System.Security.Cryptography.X509Certificates;
using LiveUpdate.Agent.Contracts.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// The one Kestrel endpoint: HTTP/2 over TLS with a required client certificate, checked by
/// <see cref="PeerCertificateValidator"/> inside the handshake. A refused caller never gets as far as
/// HTTP, so no RPC (and no step) ever runs for it.
/// </summary>
internal static class AgentEndpoint
{
    public static void Configure(KestrelServerOptions kestrel, AgentOptions options, ILogger logger)
    {
        var tls = options.Tls;
        var validator = PeerCertificateValidator.ForClients(tls.ClientCa, tls.OrchestratorName);
        var certificate = X509Certificate2.CreateFromPemFile(tls.Certificate, tls.Key);
        var https = new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            CheckCertificateRevocation = false,
            ClientCertificateValidation = (client, _, _) => Accept(validator.Check(client), $"certificate '{client.Subject}'", logger),

            // Kestrel refuses a handshake without any certificate before ClientCertificateValidation is
            // called; wrapping its callback is the only place that refusal can be logged.
            OnAuthenticate = (connection, ssl) =>
            {
                var kestrelCheck = ssl.RemoteCertificateValidationCallback;
                var remote = connection.RemoteEndPoint?.ToString() ?? "unknown";
                ssl.RemoteCertificateValidationCallback = (sender, presented, chain, errors) =>
                    presented is null
                        ? Accept("no certificate presented", remote, logger)
                        : kestrelCheck?.Invoke(sender, presented, chain, errors) ?? false;
            },
        };

        var url = new Uri(options.Listen);
        var port = url.IsDefaultPort ? 443 : url.Port;
        Action<ListenOptions> listen = endpoint =>
        {
            endpoint.Protocols = HttpProtocols.Http2;
            endpoint.UseHttps(https);
        };
        if (url.IsLoopback && url.Host == "localhost")
        {
            kestrel.ListenLocalhost(port, listen);
        }
        else if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, port, listen);
        }
        else
        {
            kestrel.ListenAnyIP(port, listen);
        }
    }

    private static bool Accept(string? refusal, string who, ILogger logger)
    {
        if (refusal is null)
        {
            return true;
        }

        Telemetry.RefusedClients.Add(1);
        AgentLog.ClientRefused(logger, who, refusal);
        return false;
    }
}
