using Grpc.Core;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Hosting;
using Microsoft.Extensions.Hosting;

namespace LiveUpdate.Agent.Api;

/// <summary>
/// The gRPC face of the agent. Every caller here has passed mutual TLS in the handshake; the service
/// only translates and delegates. Streams end on their end state, when the caller goes away, or when
/// the agent stops (the caller then reattaches with Watch and its cursor).
/// </summary>
internal sealed class HostAgentService(
    AgentRuntime runtime,
    UpdateCoordinator coordinator,
    BundleStager stager,
    HostDescriber describer,
    IHostApplicationLifetime lifetime) : HostAgent.HostAgentBase
{
    public override Task<DescribeResponse> Describe(DescribeRequest request, ServerCallContext context) =>
        describer.DescribeAsync(request.PlaybookYaml, context.CancellationToken);

    public override Task<StageBundleResponse> StageBundle(IAsyncStreamReader<BundleChunk> requestStream, ServerCallContext context) =>
        stager.StageAsync(requestStream, context.CancellationToken);

    public override Task<PrepareResponse> Prepare(PrepareRequest request, ServerCallContext context) =>
        coordinator.PrepareAsync(request, context.CancellationToken);

    public override async Task Execute(ExecuteRequest request, IServerStreamWriter<UpdateEvent> responseStream, ServerCallContext context)
    {
        var cursor = await coordinator.BeginAsync(request.UpdateId, context.CancellationToken).ConfigureAwait(false);
        await StreamAsync(request.UpdateId, cursor, responseStream, context).ConfigureAwait(false);
    }

    public override Task Watch(WatchRequest request, IServerStreamWriter<UpdateEvent> responseStream, ServerCallContext context) =>
        StreamAsync(request.UpdateId, request.AfterSequence, responseStream, context);

    public override Task<AbortResponse> Abort(AbortRequest request, ServerCallContext context) =>
        coordinator.AbortAsync(request.UpdateId, request.Reason, context.CancellationToken);

    public override Task<StatusResponse> Status(StatusRequest request, ServerCallContext context) =>
        describer.StatusAsync(context.CancellationToken);

    private async Task StreamAsync(string updateId, long after, IServerStreamWriter<UpdateEvent> output, ServerCallContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        await UpdateEvents.StreamAsync(runtime.Journal, updateId, after, output, linked.Token).ConfigureAwait(false);
    }
}
