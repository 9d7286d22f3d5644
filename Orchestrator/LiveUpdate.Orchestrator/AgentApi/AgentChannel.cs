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
    public static GrpcChannel Create(Uri endpoint, string expectedCertificateName, AgentClientOptions options, ILogger logger) =>
        MutualTlsChannel.Create(
            endpoint,
            options.CaPemPath,
            options.ClientCertificatePemPath,
            options.ClientKeyPemPath,
            expectedCertificateName,
            refusal => OrchestratorLog.AgentCertificateRefused(logger, endpoint, expectedCertificateName, refusal),
            handler =>
            {
                // A kexec kills the agent's connection without a FIN; pings notice the dead stream within
                // ~10 s so the engine reattaches to the new kernel's agent promptly.
                handler.EnableMultipleHttp2Connections = true;
                handler.KeepAlivePingDelay = TimeSpan.FromSeconds(5);
                handler.KeepAlivePingTimeout = TimeSpan.FromSeconds(5);
                handler.ConnectTimeout = options.CallTimeout;
            });
}
