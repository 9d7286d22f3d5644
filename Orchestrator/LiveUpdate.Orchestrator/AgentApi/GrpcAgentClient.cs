using System.Diagnostics;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Orchestrator.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;

namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>
/// <see cref="IAgentClient"/> over gRPC with mutual TLS. Every call goes through the host's resilience pipeline
/// (see <see cref="AgentResilience"/>) and carries the current trace context in its metadata.
/// </summary>
public sealed class GrpcAgentClient : IAgentClient, IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly GrpcChannel _channel;
    private readonly HostAgent.HostAgentClient _client;
    private readonly ResiliencePipeline _pipeline;

    public GrpcAgentClient(
        string host, Uri endpoint, string certificateName, AgentClientOptions options, TimeProvider time, ILoggerFactory loggers, OrchestratorTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        options.Validate();
        Host = host;
        _channel = AgentChannel.Create(endpoint, certificateName, options, loggers.CreateLogger<GrpcAgentClient>());
        _client = new HostAgent.HostAgentClient(_channel);
        _pipeline = AgentResilience.Build(host, options, time, loggers, h => telemetry?.RecordRetry(h));
    }

    public string Host { get; }

    public Task<AgentDescription> DescribeAsync(string? playbookYaml, CancellationToken ct) => CallAsync("Describe", AgentCallKind.Idempotent, async c =>
        AgentProtoMapping.ToDescription(await _client.DescribeAsync(new DescribeRequest { PlaybookYaml = playbookYaml ?? "" }, Headers(), cancellationToken: c).ConfigureAwait(false)), ct);

    public Task<string> StageBundleAsync(string bundleDirectory, string bundleDigest, CancellationToken ct) =>
        CallAsync("StageBundle", AgentCallKind.IdempotentUpload, c => UploadAsync(bundleDirectory, bundleDigest, c), ct);

    public Task<AgentPrepareResult> PrepareAsync(AgentPrepareRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new PrepareRequest
        {
            UpdateId = request.UpdateId,
            BundleDigest = request.BundleDigest,
            PlaybookYaml = request.PlaybookYaml,
            PlaybookDigest = request.PlaybookDigest,
        };
        return CallAsync("Prepare", AgentCallKind.Idempotent, async c =>
            AgentProtoMapping.ToPrepare(await _client.PrepareAsync(message, Headers(), cancellationToken: c).ConfigureAwait(false)), ct);
    }

    public IAsyncEnumerable<AgentEvent> ExecuteAsync(string updateId, CancellationToken ct) =>
        StreamAsync("Execute", AgentCallKind.Once, c => _client.Execute(new ExecuteRequest { UpdateId = updateId }, Headers(), cancellationToken: c), ct);

    public IAsyncEnumerable<AgentEvent> WatchAsync(string updateId, long afterSequence, CancellationToken ct) =>
        StreamAsync("Watch", AgentCallKind.IdempotentStream, c => _client.Watch(new WatchRequest { UpdateId = updateId, AfterSequence = afterSequence }, Headers(), cancellationToken: c), ct);

    public Task<AgentAbortResult> AbortAsync(string updateId, string reason, CancellationToken ct) => CallAsync("Abort", AgentCallKind.Idempotent, async c =>
    {
        var r = await _client.AbortAsync(new AbortRequest { UpdateId = updateId, Reason = reason }, Headers(), cancellationToken: c).ConfigureAwait(false);
        return new AgentAbortResult(r.Accepted, r.Reason, r.State);
    }, ct);

    public Task<AgentStatus> StatusAsync(CancellationToken ct) => CallAsync("Status", AgentCallKind.Idempotent, async c =>
        AgentProtoMapping.ToStatus(await _client.StatusAsync(new StatusRequest(), Headers(), cancellationToken: c).ConfigureAwait(false)), ct);

    public void Dispose() => _channel.Dispose();

    /// <summary>W3C trace context of the current span, so the agent's spans join the rollout's trace.</summary>
    internal static Metadata Headers()
    {
        var headers = new Metadata();
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            headers.Add("traceparent", activity.Id!);
            if (!string.IsNullOrEmpty(activity.TraceStateString))
            {
                headers.Add("tracestate", activity.TraceStateString);
            }
        }

        return headers;
    }

    private async Task<T> CallAsync<T>(string name, AgentCallKind kind, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(name, ct);
        context.Properties.Set(AgentResilience.CallKind, kind);
        try
        {
            return await _pipeline.ExecuteAsync(static async (ctx, state) => await state(ctx.CancellationToken).ConfigureAwait(false), context, call).ConfigureAwait(false);
        }
        catch (Exception ex) when (AgentResilience.IsUnavailable(ex) && !ct.IsCancellationRequested)
        {
            throw new AgentUnavailableException(Host, $"{name} failed: {ex.Message}", ex);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw new AgentRefusedException(Host, name, ex.Status.Detail, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Opening the stream (up to its first event) goes through the pipeline; reading the rest does not.</summary>
    private async IAsyncEnumerable<AgentEvent> StreamAsync(
        string name, AgentCallKind kind, Func<CancellationToken, AsyncServerStreamingCall<UpdateEvent>> start, [EnumeratorCancellation] CancellationToken ct)
    {
        var (call, first) = await CallAsync(name, kind, async c =>
        {
            var opened = start(c);
            try
            {
                return (opened, await opened.ResponseStream.MoveNext(c).ConfigureAwait(false) ? opened.ResponseStream.Current : null);
            }
            catch
            {
                opened.Dispose();
                throw;
            }
        }, ct).ConfigureAwait(false);
        using (call)
        {
            for (var next = first; next is not null;)
            {
                yield return AgentProtoMapping.ToEvent(next);
                next = await ReadNextAsync(call, name, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<UpdateEvent?> ReadNextAsync(AsyncServerStreamingCall<UpdateEvent> call, string name, CancellationToken ct)
    {
        try
        {
            return await call.ResponseStream.MoveNext(ct).ConfigureAwait(false) ? call.ResponseStream.Current : null;
        }
        catch (RpcException ex) when (!ct.IsCancellationRequested && AgentResilience.IsTransient(ex))
        {
            throw new AgentUnavailableException(Host, $"{name} stream dropped: {ex.Status.Detail}", ex);
        }
    }

    private async Task<string> UploadAsync(string directory, string digest, CancellationToken ct)
    {
        using var call = _client.StageBundle(Headers(), cancellationToken: ct);
        var buffer = new byte[ChunkBytes];
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var first = true;
            int read;
            while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0 || first)
            {
                var chunk = new BundleChunk { Data = ByteString.CopyFrom(buffer, 0, read) };
                if (first)
                {
                    chunk.BundleDigest = digest;
                    chunk.FileName = Path.GetFileName(file);
                    first = false;
                }

                await call.RequestStream.WriteAsync(chunk, ct).ConfigureAwait(false);
            }
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        var response = await call.ResponseAsync.ConfigureAwait(false);
        return response.BundleDigest;
    }
}
