using Grpc.Core;
using LiveUpdate.Agent.Api.V1;

namespace LiveUpdate.Orchestrator.Tests.AgentApi;

/// <summary>An agent service that fails the first calls as unavailable and counts every call it receives.</summary>
internal sealed class StubAgent : HostAgent.HostAgentBase
{
    public int FailFirst { get; set; }

    public int DescribeCalls { get; private set; }

    public int ExecuteCalls { get; private set; }

    public string? LastTraceParent { get; private set; }

    public override Task<DescribeResponse> Describe(DescribeRequest request, ServerCallContext context)
    {
        DescribeCalls++;
        LastTraceParent = context.RequestHeaders.GetValue("traceparent");
        if (DescribeCalls <= FailFirst)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "starting up"));
        }

        return Task.FromResult(new DescribeResponse { HostName = "hv-a", Facts = new HostFacts { KernelRelease = "6.1.0-40-amd64", BundleDigest = "sha256:old" } });
    }

    public override Task Execute(ExecuteRequest request, IServerStreamWriter<UpdateEvent> responseStream, ServerCallContext context)
    {
        ExecuteCalls++;
        throw new RpcException(new Status(StatusCode.Unavailable, "switching kernels"));
    }
}
