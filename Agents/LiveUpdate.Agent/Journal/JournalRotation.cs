using System.Globalization;

namespace LiveUpdate.Agent.Journal;

/// <summary>
/// Keeps the live journal short, because the agent reads all of it on every start — including the
/// start in a freshly switched kernel, while the VMs wait. When a new update begins and the journal
/// holds more than <see cref="FileJournal.RotateAfterRecords"/> records, everything before the latest
/// (ended) update moves to <c>journal.archive/journal-&lt;first&gt;-&lt;last&gt;.log</c> (the sequence
/// numbers it holds) and the live file keeps only that update, so sequence numbers go on from where they were. The newest
/// <see cref="ArchivesKept"/> archives are kept for forensics.
/// </summary>
/// <remarks>
/// The archive is written and fsync'ed first; then the kept records go to journal.log.new, fsync'ed, and
/// a rename puts it over journal.log in one step. A crash at any point leaves journal.log whole (old or
/// new); a stray journal.log.new is removed on the next open (<see cref="RemoveInterrupted"/>), and an
/// archive written twice is simply overwritten.
/// </remarks>
internal static class JournalRotation
{
    public const string ArchiveDirectoryName = "journal.archive";
    public const int ArchivesKept = 10;

    private const string PendingSuffix = ".new";

    /// <summary>Removes what a rotation cut short by a crash left; called before the journal is opened.</summary>
    public static void RemoveInterrupted(string path) => File.Delete(path + PendingSuffix);

    /// <summary>Moves <paramref name="archived"/> to an archive file and leaves <paramref name="kept"/> as the journal at <paramref name="path"/>.</summary>
    public static void Rotate(string path, IReadOnlyList<JournalRecord> archived, IReadOnlyList<JournalRecord> kept)
    {
        var archives = Path.Combine(Path.GetDirectoryName(path)!, ArchiveDirectoryName);
        Directory.CreateDirectory(archives);
        Write(Path.Combine(archives, ArchiveName(archived[0].Sequence, archived[^1].Sequence)), archived);
        Write(path + PendingSuffix, kept);
        File.Move(path + PendingSuffix, path, overwrite: true);
        Prune(archives);
    }

    private static void Write(string path, IReadOnlyList<JournalRecord> records)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, FileOptions.None);
        foreach (var record in records)
        {
            file.Write(JournalFormat.Encode(record));
        }

        file.Flush(flushToDisk: true);
    }

    // Zero-padded, so the names sort by age.
    private static string ArchiveName(long first, long last) =>
        string.Create(CultureInfo.InvariantCulture, $"journal-{first:D12}-{last:D12}.log");

    private static void Prune(string archives)
    {
        foreach (var old in Directory.EnumerateFiles(archives, "journal-*.log").Order(StringComparer.Ordinal).SkipLast(ArchivesKept))
        {
            File.Delete(old);
        }
    }
}
