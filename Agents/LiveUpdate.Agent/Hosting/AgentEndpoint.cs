using System.Net;
using System.Net.Security;
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
        // The handshake callback form of UseHttps: with the adapter options (ClientCertificateMode /
        // ClientCertificateValidation) Kestrel refuses a caller without any certificate before our code
        // sees it, so that refusal could not be logged with its reason.
        var handshake = new TlsHandshakeCallbackOptions
        {
            OnConnection = context =>
            {
                var remote = context.Connection.RemoteEndPoint?.ToString() ?? "unknown";
                return ValueTask.FromResult(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateRequired = true,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    ApplicationProtocols = [SslApplicationProtocol.Http2],
                    RemoteCertificateValidationCallback = (_, presented, _, _) => Accept(
                        presented is null ? "no certificate presented" : validator.Check(presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData())),
                        remote,
                        logger),
                });
            },
        };

        var url = new Uri(options.Listen);
        var port = url.IsDefaultPort ? 443 : url.Port;
        Action<ListenOptions> listen = endpoint =>
        {
            endpoint.Protocols = HttpProtocols.Http2;
            endpoint.UseHttps(handshake);
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
