namespace LiveUpdate.Orchestrator.Store;

/// <summary>
/// The store file was written by a newer orchestrator (its schema version is above the one this build knows).
/// Opening it could lose what the newer version records: run the newer orchestrator, or restore a backup.
/// </summary>
public sealed class StoreVersionException(string path, long found, long known)
    : Exception($"store '{path}' has schema version {found}, this orchestrator knows up to {known}: it was written by a newer orchestrator. " +
        "Use that version (or newer) to continue its rollouts; do not downgrade.")
{
    public long FoundVersion { get; } = found;
}
