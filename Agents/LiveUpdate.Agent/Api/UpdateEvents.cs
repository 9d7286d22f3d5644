using Grpc.Core;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Update;

namespace LiveUpdate.Agent.Api;

/// <summary>Journal records as the API's <see cref="UpdateEvent"/>s, and the replay-then-follow stream of them.</summary>
internal static class UpdateEvents
{
    public static UpdateEvent From(JournalRecord record)
    {
        var e = new UpdateEvent
        {
            Sequence = record.Sequence,
            UpdateId = record.UpdateId,
            Type = record.Type.ToString(),
            At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(record.At),
            State = record.State ?? "",
            StepId = record.StepId ?? "",
            Message = record.Message ?? "",
            BootId = record.BootId,
        };
        if (record.Data is not null)
        {
            foreach (var (key, value) in record.Data)
            {
                e.Data[key] = value;
            }
        }

        return e;
    }

    public static bool IsEnd(JournalRecord record) =>
        record.Type == JournalRecordType.StateChanged
        && Enum.TryParse<HostUpdateState>(record.State, out var state)
        && state is HostUpdateState.Completed or HostUpdateState.RolledBack or HostUpdateState.NeedsAttention;

    /// <summary>
    /// Writes every record of <paramref name="updateId"/> (all updates when empty) after the cursor, then
    /// follows new ones until the update reaches an end state or the stream is cancelled.
    /// </summary>
    public static async Task StreamAsync(FileJournal journal, string updateId, long afterSequence, IServerStreamWriter<UpdateEvent> output, CancellationToken ct)
    {
        if (EndedBefore(journal, updateId, afterSequence))
        {
            return;
        }

        try
        {
            await foreach (var record in journal.WatchAsync(afterSequence, ct).ConfigureAwait(false))
            {
                if (updateId.Length > 0 && record.UpdateId != updateId)
                {
                    continue;
                }

                await output.WriteAsync(From(record), ct).ConfigureAwait(false);
                if (updateId.Length > 0 && IsEnd(record))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The watcher went away or the agent is stopping; it reattaches with Watch and its cursor.
        }
    }

    // A watcher whose cursor is already past the update's end would otherwise wait for records that never come.
    private static bool EndedBefore(FileJournal journal, string updateId, long afterSequence)
    {
        if (updateId.Length == 0)
        {
            return false;
        }

        var last = journal.Records.LastOrDefault(r => r.UpdateId == updateId);
        return last is not null && last.Sequence <= afterSequence && journal.Records.Any(r => r.UpdateId == updateId && IsEnd(r));
    }
}
