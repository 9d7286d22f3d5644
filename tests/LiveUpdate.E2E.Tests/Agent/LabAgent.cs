using LiveUpdate.Agent.Api.V1;
using LiveUpdate.E2E.Tests.Lab;

namespace LiveUpdate.E2E.Tests.Agent;

/// <summary>A booted lab host whose agent has said it listens, with an mTLS connection to it.</summary>
internal sealed class LabAgent : IAsyncDisposable
{
    /// <summary>What the agent logs once it accepts connections (in every kernel it starts in).</summary>
    public const string Listening = "Now listening on";

    private LabAgent(LabInputs inputs, LabHost lab)
    {
        Inputs = inputs;
        Lab = lab;
        Connection = new AgentConnection(inputs, lab.Port);
    }

    public LabInputs Inputs { get; }

    public LabHost Lab { get; }

    public AgentConnection Connection { get; }

    public HostAgent.HostAgentClient Client => Connection.Client;

    public static async Task<LabAgent> StartAsync(LabInputs inputs, string work)
    {
        var lab = await LabHost.BootAsync(inputs, work);
        try
        {
            // boot (~10 s), libvirtd's capability probe, the counter VM, the agent: ~30 s alone, more on a busy machine
            await lab.Serial.WaitForAsync(Listening, 0, TimeSpan.FromMinutes(4));
            return new LabAgent(inputs, lab);
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    public async Task<DescribeResponse> DescribeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await Client.DescribeAsync(new DescribeRequest(), cancellationToken: deadline.Token);
    }

    /// <summary>Every event of the update from the start, as the journal holds it.</summary>
    public async Task<List<UpdateEvent>> ReplayAsync(string updateId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var call = Client.Watch(new WatchRequest { UpdateId = updateId, AfterSequence = 0 }, cancellationToken: deadline.Token);
        var events = new List<UpdateEvent>();
        while (await call.ResponseStream.MoveNext(deadline.Token))
        {
            events.Add(call.ResponseStream.Current);
        }

        return events;
    }

    public static string Reasons(IEnumerable<Reason> reasons) =>
        string.Join("\n", reasons.Select(r => $"  {r.Code}: {r.Message} (fix: {r.Fix})"));

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Lab.DisposeAsync();
    }
}
