using Grpc.Core;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.E2E.Tests.Lab;

namespace LiveUpdate.E2E.Tests.Agent;

/// <summary>
/// Executes a prepared update and follows its events to an end state, across a kernel switch: the
/// Execute stream breaks when the old kernel is replaced; the follower then waits for the next agent to
/// say it listens (serial console) and watches again from the last sequence it saw. The orchestrator's
/// host worker does the same over the same API; this is its test-sized stand-in.
/// </summary>
internal sealed class UpdateFollower(LabHost lab, Func<AgentConnection> connect)
{
    public const string AgentListening = "Now listening on";

    private static readonly HashSet<string> EndStates = ["Completed", "RolledBack", "NeedsAttention"];

    public List<UpdateEvent> Events { get; } = [];

    /// <summary>How many times the stream broke and was picked up by a newly started agent.</summary>
    public int Reattachments { get; private set; }

    public async Task<string> RunAsync(AgentConnection first, string updateId, int listeningSeen, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        var connection = first;
        var call = first.Client.Execute(new ExecuteRequest { UpdateId = updateId }, cancellationToken: deadline.Token);
        var reader = call.ResponseStream;
        try
        {
            while (true)
            {
                if (await ReadToEndStateAsync(reader, deadline.Token) is { } end)
                {
                    return end;
                }

                // The stream ended or broke without an end state: the agent process is gone (kernel switch).
                listeningSeen = (await lab.Serial.WaitForAsync(AgentListening, listeningSeen, TimeSpan.FromMinutes(5))).Index + 1;
                Reattachments++;
                call.Dispose();
                if (!ReferenceEquals(connection, first))
                {
                    connection.Dispose();
                }

                connection = connect();
                call = connection.Client.Watch(new WatchRequest { UpdateId = updateId, AfterSequence = Events.LastOrDefault()?.Sequence ?? 0 }, cancellationToken: deadline.Token);
                reader = call.ResponseStream;
            }
        }
        finally
        {
            call.Dispose();
            if (!ReferenceEquals(connection, first))
            {
                connection.Dispose();
            }
        }
    }

    private async Task<string?> ReadToEndStateAsync(IAsyncStreamReader<UpdateEvent> reader, CancellationToken ct)
    {
        try
        {
            while (await reader.MoveNext(ct))
            {
                Events.Add(reader.Current);
                if (EndStates.Contains(reader.Current.State))
                {
                    return reader.Current.State;
                }
            }
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled && !ct.IsCancellationRequested)
        {
            Console.WriteLine($"update stream broke after sequence {Events.LastOrDefault()?.Sequence}: {e.Status.Detail}");
        }

        return null;
    }
}
