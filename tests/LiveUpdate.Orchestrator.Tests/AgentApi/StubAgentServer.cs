using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace LiveUpdate.Orchestrator.Tests.AgentApi;

/// <summary>Kestrel on 127.0.0.1 with a random port, HTTP/2 over TLS with a host's certificate, serving a <see cref="StubAgent"/>.</summary>
internal sealed class StubAgentServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubAgentServer(WebApplication app, StubAgent agent, Uri address)
    {
        _app = app;
        Agent = agent;
        Address = address;
    }

    public StubAgent Agent { get; }

    public Uri Address { get; }

    public static async Task<StubAgentServer> StartAsync(string certPem, string keyPem)
    {
        var agent = new StubAgent();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(X509Certificate2.CreateFromPemFile(certPem, keyPem), https =>
            {
                // The stub checks nothing about the caller: these tests are about the orchestrator's side of mTLS.
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();
            });
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(agent);
        var app = builder.Build();
        app.MapGrpcService<StubAgent>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StubAgentServer(app, agent, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
