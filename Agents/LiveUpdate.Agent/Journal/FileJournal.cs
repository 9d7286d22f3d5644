using System.Runtime.CompilerServices;

namespace LiveUpdate.Agent.Journal;

/// <summary>
/// The agent's append-only journal in its state directory. A record appended <see cref="Durability.Now"/>
/// is fsync'ed, together with every record written before it, before the append returns, so a record
/// the caller saw durable survives a crash or a kernel switch. A record appended
/// <see cref="Durability.WithNext"/> is written to the file at once (it survives the agent process
/// dying) and reaches the disk with the next durable record (group commit: one fsync for both).
/// Readers other than the writer — <see cref="Records"/>, <see cref="LastSequence"/>, watchers — see
/// only durable records, so no watcher ever holds a sequence number a power cut could take back.
/// On open, a torn tail (the only thing a crash can leave) is cut off so later appends start on a
/// clean line. When a new update starts on a long journal, earlier updates move to an archive
/// (<see cref="JournalRotation"/>), so every start of the agent reads a short file.
/// </summary>
public sealed class FileJournal : IDisposable
{
    public const string FileName = "journal.log";

    /// <summary>How long the live journal may grow before a new update moves the earlier ones to an archive.</summary>
    public const int RotateAfterRecords = 2000;

    private readonly List<JournalRecord> _records;
    private readonly int _rotateAfter;
    private FileStream _stream;
    private readonly Lock _gate = new();
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The latest update's history, folded again only after an append: state reads happen several times
    // per step (each state machine transition reads it), inside the VM blackout.
    private int _latestStart;
    private UpdateHistory? _latest;
    private long _latestFoldedAt;

    // Records [0, _durable) are on disk; the rest were written and wait for the next fsync.
    private int _durable;

    private FileJournal(FileStream stream, List<JournalRecord> records, int ignoredLines, int rotateAfter)
    {
        _stream = stream;
        _rotateAfter = rotateAfter;
        _records = records;
        _durable = records.Count;
        IgnoredLines = ignoredLines;
        _latestStart = records.FindLastIndex(r => r.Type == JournalRecordType.UpdateStarted);
    }

    /// <summary>Lines found torn or corrupt when the journal was opened (and cut off or skipped).</summary>
    public int IgnoredLines { get; }

    public string Path => _stream.Name;

    /// <param name="rotateAfterRecords">How many records the live file may hold before a new update rotates it.</param>
    public static FileJournal Open(string stateDirectory, int rotateAfterRecords = RotateAfterRecords)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = System.IO.Path.Combine(stateDirectory, FileName);
        JournalRotation.RemoveInterrupted(path);
        var stream = OpenStream(path);
        var (records, validLength, ignored) = ReadAll(stream);
        if (validLength < stream.Length)
        {
            stream.SetLength(validLength);
            stream.Flush(flushToDisk: true);
        }

        stream.Seek(0, SeekOrigin.End);
        return new FileJournal(stream, records, ignored, rotateAfterRecords);
    }

    // Unbuffered: every Write is a write(2), so a record not yet fsync'ed is still in the file if the process dies.
    private static FileStream OpenStream(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.None);

    /// <summary>Every durable record, oldest first.</summary>
    public IReadOnlyList<JournalRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.GetRange(0, _durable).ToArray();
            }
        }
    }

    /// <summary>The sequence of the last durable record (0 for an empty journal): a watcher's cursor.</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _durable == 0 ? 0 : _records[_durable - 1].Sequence;
            }
        }
    }

    /// <summary>
    /// The latest update as the journal tells it (<see cref="UpdateHistory.Latest"/>), or null before
    /// the first. This is the writer's view: it includes records still waiting for their fsync.
    /// </summary>
    public UpdateHistory? Latest
    {
        get
        {
            lock (_gate)
            {
                var last = _records.Count == 0 ? 0 : _records[^1].Sequence;
                if (_latestFoldedAt != last)
                {
                    _latest = _latestStart < 0 ? null : UpdateHistory.Replay(_records.Skip(_latestStart));
                    _latestFoldedAt = last;
                }

                return _latest;
            }
        }
    }

    /// <summary>Writes one record (and with <see cref="Durability.Now"/> fsyncs it and all before it); the sequence number is assigned here.</summary>
    public JournalRecord Append(JournalRecord draft, Durability durability = Durability.Now)
    {
        JournalRecord record;
        lock (_gate)
        {
            if (draft.Type == JournalRecordType.UpdateStarted && _records.Count > _rotateAfter && _durable == _records.Count && _latestStart > 0)
            {
                RotateLocked();
            }

            record = draft with { Sequence = (_records.Count == 0 ? 0 : _records[^1].Sequence) + 1 };
            _stream.Write(JournalFormat.Encode(record));
            _records.Add(record);
            if (record.Type == JournalRecordType.UpdateStarted)
            {
                _latestStart = _records.Count - 1;
            }
        }

        if (durability == Durability.Now)
        {
            Commit();
        }

        return record;
    }

    /// <summary>Moves every record before the latest update to an archive; the live file keeps that update.</summary>
    private void RotateLocked()
    {
        var path = _stream.Name;
        var kept = _records.GetRange(_latestStart, _records.Count - _latestStart);
        _stream.Dispose();
        try
        {
            JournalRotation.Rotate(path, _records.GetRange(0, _latestStart), kept);
        }
        catch
        {
            // journal.log is whole either way (the old file, or the new one once moved in): reload from it.
            JournalRotation.RemoveInterrupted(path);
            _stream = OpenStream(path);
            var (records, _, _) = ReadAll(_stream);
            _stream.Seek(0, SeekOrigin.End);
            _records.Clear();
            _records.AddRange(records);
            _durable = _records.Count;
            _latestStart = _records.FindLastIndex(r => r.Type == JournalRecordType.UpdateStarted);
            throw;
        }

        _stream = OpenStream(path);
        _stream.Seek(0, SeekOrigin.End);
        _records.RemoveRange(0, _latestStart);
        _durable = _records.Count;
        _latestStart = 0;
    }

    /// <summary>Makes every written record durable and shows it to watchers; a no-op when none waits.</summary>
    public void Commit()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_durable == _records.Count)
            {
                return;
            }

            _stream.Flush(flushToDisk: true);
            _durable = _records.Count;
            signal = _appended;
            _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    /// <summary>Every record after <paramref name="afterSequence"/>, then each new one as it is appended.</summary>
    public async IAsyncEnumerable<JournalRecord> WatchAsync(long afterSequence, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = afterSequence;
        while (!ct.IsCancellationRequested)
        {
            JournalRecord[] pending;
            Task next;
            lock (_gate)
            {
                pending = _records.Take(_durable).Where(r => r.Sequence > cursor).ToArray();
                next = _appended.Task;
            }

            foreach (var record in pending)
            {
                cursor = record.Sequence;
                yield return record;
            }

            await next.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Commit();
        _stream.Dispose();
    }

    private static (List<JournalRecord> Records, long ValidLength, int Ignored) ReadAll(FileStream stream)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var records = new List<JournalRecord>();
        long validLength = 0;
        var ignored = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start);
            if (newline < 0)
            {
                ignored++; // a tail without its newline was torn mid-write
                break;
            }

            var record = JournalFormat.TryDecode(bytes.AsSpan(start, newline - start));
            if (record is null)
            {
                ignored++;
            }
            else
            {
                records.Add(record);
                validLength = newline + 1;
            }

            start = newline + 1;
        }

        return (records, validLength, ignored);
    }
}
