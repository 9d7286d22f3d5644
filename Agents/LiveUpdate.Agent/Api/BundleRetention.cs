namespace LiveUpdate.Agent.Api;

/// <summary>
/// Staged bundles (a kernel and initramfs each, tens of MiB) would fill the state directory one
/// update at a time. When an update is prepared, every staged bundle goes except the one it will
/// boot and the one the running kernel came from (named by <c>liveupdate.bundle=</c> on its command
/// line). Staging directories are left to the stager, which may be receiving into one. Rolling back
/// means staging the old bundle again, as the orchestrator's rollback does.
/// </summary>
internal static class BundleRetention
{
    /// <summary>Removes every entry of <paramref name="bundlesDirectory"/> but the <paramref name="kept"/> digests; returns what it removed.</summary>
    public static IReadOnlyList<string> Prune(string bundlesDirectory, IReadOnlySet<string> kept)
    {
        if (!Directory.Exists(bundlesDirectory))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var entry in Directory.EnumerateDirectories(bundlesDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (!kept.Contains(name) && !name.EndsWith(".staging", StringComparison.Ordinal))
            {
                Directory.Delete(entry, recursive: true);
                removed.Add(name);
            }
        }

        return removed;
    }
}
