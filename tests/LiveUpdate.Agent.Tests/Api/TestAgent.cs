using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Contracts.Security;
using LiveUpdate.Agent.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LiveUpdate.Agent.Tests.Api;

/// <summary>A real agent (Kestrel on 127.0.0.1, mTLS, gRPC) in this process, and clients for it.</summary>
internal sealed class TestAgent : IAsyncDisposable
{
    private readonly List<GrpcChannel> _channels = [];
    private readonly LabCertificates _certs;

    private TestAgent(WebApplication app, LabCertificates certs)
    {
        App = app;
        _certs = certs;
        Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public WebApplication App { get; }

    public string Address { get; }

    internal AgentRuntime Runtime => App.Services.GetRequiredService<AgentRuntime>();

    public static async Task<TestAgent> StartAsync(AgentLaunch launch, AgentHooks hooks, LabCertificates certs)
    {
        var app = AgentApp.Build(launch, hooks);
        await app.StartAsync();
        return new TestAgent(app, certs);
    }

    /// <summary>A client presenting <paramref name="certificate"/> (none when null) and checking the agent's own certificate.</summary>
    public HostAgent.HostAgentClient Client(X509Certificate2? certificate)
    {
        var servers = PeerCertificateValidator.ForServers(_certs.Ca, LabCertificates.HostName);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is X509Certificate2 c && servers.Check(c) is null,
            },
        };
        var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        _channels.Add(channel);
        return new HostAgent.HostAgentClient(channel);
    }

    public HostAgent.HostAgentClient Orchestrator() => Client(_certs.Orchestrator);

    /// <summary>Stages the bundle directory's files, the kernel split over two chunks.</summary>
    public async Task<StageBundleResponse> StageAsync(string bundleDirectory, string digest)
    {
        using var call = Orchestrator().StageBundle();
        var first = true;
        foreach (var file in Directory.EnumerateFiles(bundleDirectory).Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var half = bytes.Length / 2;
            await call.RequestStream.WriteAsync(new BundleChunk
            {
                BundleDigest = first ? digest : "",
                FileName = Path.GetFileName(file),
                Data = Google.Protobuf.ByteString.CopyFrom(bytes, 0, half),
            });
            await call.RequestStream.WriteAsync(new BundleChunk { Data = Google.Protobuf.ByteString.CopyFrom(bytes, half, bytes.Length - half) });
            first = false;
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    public static async Task<List<UpdateEvent>> ReadAllAsync(AsyncServerStreamingCall<UpdateEvent> call)
    {
        var events = new List<UpdateEvent>();
        await foreach (var e in call.ResponseStream.ReadAllAsync())
        {
            events.Add(e);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
    }
}
