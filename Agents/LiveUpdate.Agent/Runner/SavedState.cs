using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Steps;

namespace LiveUpdate.Agent.Runner;

/// <summary>
/// The VM state images an update saved, as save-vms journaled them. Once every VM runs from memory
/// again — the update finished in the new kernel, or was undone in the old one — the images only take
/// PMEM space the next update needs, so they go; an update that needs attention keeps them, because
/// they may be the only copy of a VM.
/// </summary>
public static class SavedState
{
    /// <summary>Removes the update's own image directories (named after its id); returns what it removed.</summary>
    /// <exception cref="IOException">A directory could not be removed; the next end of an update tries again.</exception>
    public static IReadOnlyList<string> Discard(UpdateHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var directories = history.Steps.Values
            .Where(s => s.Data.TryGetValue(StepRunner.KindKey, out var kind) && kind == "save-vms")
            .SelectMany(s => StepData.DecodeImages(s.Data))
            .Select(i => Path.GetDirectoryName(i.Path)!)
            .Distinct(StringComparer.Ordinal)
            .Where(d => Path.GetFileName(d) == history.UpdateId && Directory.Exists(d))
            .ToList();
        foreach (var directory in directories)
        {
            Directory.Delete(directory, recursive: true);
        }

        return directories;
    }
}
