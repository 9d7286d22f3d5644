using System.Text;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Testing;

namespace LiveUpdate.Agent.Tests.Journal;

public sealed class FileJournalTests : IDisposable
{
    private readonly TempDirectory _dir = new("journal");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_AfterAppends_ReadsEveryRecordBackInOrder()
    {
        using (var journal = FileJournal.Open(_dir.Path))
        {
            journal.Append(Draft(JournalRecordType.UpdateStarted));
            journal.Append(Draft(JournalRecordType.StepStarted, step: "suspend"));
            journal.Append(Draft(JournalRecordType.StepCompleted, step: "suspend", data: new() { ["vms"] = "a,b" }));
        }

        using var reopened = FileJournal.Open(_dir.Path);

        Assert.Equal([1L, 2L, 3L], reopened.Records.Select(r => r.Sequence));
        Assert.Equal("a,b", reopened.Records[2].Data!["vms"]);
        Assert.Equal(0, reopened.IgnoredLines);
    }

    [Fact]
    public void Open_TornLastLine_IgnoresItAndAppendsOnACleanLine()
    {
        using (var journal = FileJournal.Open(_dir.Path))
        {
            journal.Append(Draft(JournalRecordType.UpdateStarted));
        }

        var path = Path.Combine(_dir.Path, FileJournal.FileName);
        var full = Encoding.UTF8.GetString(JournalFormat.Encode(Draft(JournalRecordType.StepStarted, step: "x") with { Sequence = 2 }));
        File.AppendAllText(path, full[..(full.Length / 2)]); // a crash in the middle of a write

        using (var journal = FileJournal.Open(_dir.Path))
        {
            Assert.Single(journal.Records);
            Assert.Equal(1, journal.IgnoredLines);
            journal.Append(Draft(JournalRecordType.StepStarted, step: "y"));
        }

        using var again = FileJournal.Open(_dir.Path);
        Assert.Equal(["y"], again.Records.Where(r => r.StepId is not null).Select(r => r.StepId));
        Assert.Equal(0, again.IgnoredLines);
    }

    [Fact]
    public void Open_LineWithFlippedByte_FailsItsChecksumAndIsIgnored()
    {
        using (var journal = FileJournal.Open(_dir.Path))
        {
            journal.Append(Draft(JournalRecordType.UpdateStarted));
            journal.Append(Draft(JournalRecordType.StepStarted, step: "load"));
        }

        var path = Path.Combine(_dir.Path, FileJournal.FileName);
        var bytes = File.ReadAllBytes(path);
        var secondLine = Array.IndexOf(bytes, (byte)'\n') + 1;
        var target = Array.IndexOf(bytes, (byte)'l', secondLine + 9); // a letter inside "load"
        bytes[target] = (byte)'L';
        File.WriteAllBytes(path, bytes);

        using var reopened = FileJournal.Open(_dir.Path);

        Assert.Equal([JournalRecordType.UpdateStarted], reopened.Records.Select(r => r.Type));
        Assert.Equal(1, reopened.IgnoredLines);
    }

    [Fact]
    public async Task WatchAsync_FromCursor_ReplaysThenFollowsNewRecords()
    {
        using var journal = FileJournal.Open(_dir.Path);
        journal.Append(Draft(JournalRecordType.UpdateStarted));
        journal.Append(Draft(JournalRecordType.StepStarted, step: "a"));
        using var cts = new CancellationTokenSource();
        var seen = new List<long>();

        var watching = Task.Run(async () =>
        {
            await foreach (var r in journal.WatchAsync(afterSequence: 1, cts.Token))
            {
                seen.Add(r.Sequence);
                if (r.Sequence == 2)
                {
                    journal.Append(Draft(JournalRecordType.StepCompleted, step: "a"));
                }

                if (r.Sequence == 3)
                {
                    break;
                }
            }
        });
        await watching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([2L, 3L], seen);
    }

    [Fact]
    public void Append_WithNext_InTheFileAtOnceButHiddenFromReadersUntilTheNextDurableRecord()
    {
        using var journal = FileJournal.Open(_dir.Path);
        journal.Append(Draft(JournalRecordType.StepStarted, step: "a"));

        journal.Append(Draft(JournalRecordType.StepCompleted, step: "a"), Durability.WithNext);

        // Already written (a dying process cannot lose it), not yet fsync'ed, so no reader is shown it.
        Assert.Equal(2, File.ReadAllLines(journal.Path).Length);
        Assert.Equal([1L], journal.Records.Select(r => r.Sequence));
        Assert.Equal(1, journal.LastSequence);

        journal.Append(Draft(JournalRecordType.StepStarted, step: "b"));

        Assert.Equal([1L, 2L, 3L], journal.Records.Select(r => r.Sequence));
        Assert.Equal(3, journal.LastSequence);
    }

    [Fact]
    public void Latest_WithNextRecord_IsInTheWritersViewAtOnce()
    {
        using var journal = FileJournal.Open(_dir.Path);
        journal.Append(Draft(JournalRecordType.UpdateStarted));
        journal.Append(Draft(JournalRecordType.StepStarted, step: "a"));

        journal.Append(Draft(JournalRecordType.StepCompleted, step: "a"), Durability.WithNext);

        Assert.True(journal.Latest!.Step("a")!.Completed);
    }

    [Fact]
    public async Task WatchAsync_WithNextRecord_ArrivesOnlyWithTheCommitThatCarriesIt()
    {
        using var journal = FileJournal.Open(_dir.Path);
        journal.Append(Draft(JournalRecordType.UpdateStarted));
        using var cts = new CancellationTokenSource();
        await using var watch = journal.WatchAsync(afterSequence: 1, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = watch.MoveNextAsync().AsTask();

        journal.Append(Draft(JournalRecordType.StepCompleted, step: "a"), Durability.WithNext);
        Assert.False(next.IsCompleted);
        journal.Commit();

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, watch.Current.Sequence);
    }

    [Fact]
    public void Append_NewUpdateOnALongJournal_ArchivesEarlierUpdatesAndKeepsTheLatest()
    {
        using (var journal = FileJournal.Open(_dir.Path, rotateAfterRecords: 5))
        {
            AppendUpdate(journal, "u1", 4);
            AppendUpdate(journal, "u2", 4);

            var started = journal.Append(Draft(JournalRecordType.UpdateStarted) with { UpdateId = "u3" });

            Assert.Equal(9, started.Sequence);
            Assert.Equal([5L, 6L, 7L, 8L, 9L], journal.Records.Select(r => r.Sequence));
            Assert.Equal("u3", journal.Latest!.UpdateId);
        }

        using var reopened = FileJournal.Open(_dir.Path, rotateAfterRecords: 5);
        Assert.Equal([5L, 6L, 7L, 8L, 9L], reopened.Records.Select(r => r.Sequence));
        var archive = Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, JournalRotation.ArchiveDirectoryName)));
        Assert.Equal("journal-000000000001-000000000004.log", Path.GetFileName(archive));
        Assert.Equal(4, File.ReadAllLines(archive).Length);
        Assert.Equal(10, reopened.Append(Draft(JournalRecordType.StateChanged) with { UpdateId = "u3" }).Sequence);
    }

    [Fact]
    public void Append_NewUpdateOnAShortJournal_KeepsEverythingInPlace()
    {
        using var journal = FileJournal.Open(_dir.Path, rotateAfterRecords: 5);
        AppendUpdate(journal, "u1", 3);

        journal.Append(Draft(JournalRecordType.UpdateStarted) with { UpdateId = "u2" });

        Assert.Equal([1L, 2L, 3L, 4L], journal.Records.Select(r => r.Sequence));
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, JournalRotation.ArchiveDirectoryName)));
    }

    [Fact]
    public void Append_ManyRotations_KeepsOnlyTheNewestArchives()
    {
        using var journal = FileJournal.Open(_dir.Path, rotateAfterRecords: 1);
        for (var update = 0; update < JournalRotation.ArchivesKept + 3; update++)
        {
            AppendUpdate(journal, $"u{update}", 2);
        }

        var archives = Directory.GetFiles(Path.Combine(_dir.Path, JournalRotation.ArchiveDirectoryName)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(JournalRotation.ArchivesKept, archives.Count);
        Assert.Equal("journal-000000000003-000000000004.log", archives[0]); // 11 updates archived, the oldest one pruned
    }

    [Fact]
    public void Open_CrashBeforeTheRotationsRename_KeepsTheWholeJournal()
    {
        using (var journal = FileJournal.Open(_dir.Path))
        {
            AppendUpdate(journal, "u1", 3);
        }

        var path = Path.Combine(_dir.Path, FileJournal.FileName);
        File.WriteAllBytes(path + ".new", JournalFormat.Encode(Draft(JournalRecordType.UpdateStarted) with { Sequence = 3 }));

        using var reopened = FileJournal.Open(_dir.Path);

        Assert.Equal([1L, 2L, 3L], reopened.Records.Select(r => r.Sequence));
        Assert.False(File.Exists(path + ".new"));
    }

    private static void AppendUpdate(FileJournal journal, string updateId, int records)
    {
        journal.Append(Draft(JournalRecordType.UpdateStarted) with { UpdateId = updateId });
        for (var i = 1; i < records; i++)
        {
            journal.Append(Draft(JournalRecordType.StateChanged) with { UpdateId = updateId });
        }
    }

    internal static JournalRecord Draft(JournalRecordType type, string? step = null, Dictionary<string, string>? data = null) => new()
    {
        Sequence = 0,
        UpdateId = "u1",
        Type = type,
        At = DateTimeOffset.UnixEpoch,
        BootId = "boot-a",
        StepId = step,
        Data = data,
    };
}
