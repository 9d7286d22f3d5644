using LiveUpdate.Orchestrator.Store.Etcd;

namespace LiveUpdate.Orchestrator.Store;

/// <summary>
/// Where the orchestrator keeps its rollouts, as an operator writes it: a SQLite file path (one orchestrator),
/// or <c>etcd://HOST:PORT/PREFIX</c> (several orchestrators sharing a fleet; plain HTTP to etcd, prefix
/// <c>/liveupdate</c> when none is given).
/// </summary>
public sealed record RolloutStoreLocation
{
    private const string EtcdScheme = "etcd://";

    private RolloutStoreLocation(string text, string? sqlitePath, Uri? etcdEndpoint, string? etcdPrefix)
    {
        Text = text;
        SqlitePath = sqlitePath;
        EtcdEndpoint = etcdEndpoint;
        EtcdPrefix = etcdPrefix;
    }

    /// <summary>The location as given (a full path for SQLite).</summary>
    public string Text { get; }

    public string? SqlitePath { get; }

    public Uri? EtcdEndpoint { get; }

    public string? EtcdPrefix { get; }

    /// <exception cref="FormatException">An etcd location without a host and port.</exception>
    public static RolloutStoreLocation Parse(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (!text.StartsWith(EtcdScheme, StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(text);
            return new RolloutStoreLocation(path, path, null, null);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.IsDefaultPort)
        {
            throw new FormatException($"store '{text}' is not an etcd location; write it as etcd://HOST:PORT/PREFIX, e.g. etcd://10.0.0.5:2379/liveupdate");
        }

        var prefix = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "/liveupdate";
        return new RolloutStoreLocation(text, null, new Uri($"http://{uri.Host}:{uri.Port}"), prefix);
    }

    /// <summary>Whether something is there to read: a SQLite file exists; an etcd location always counts (asking is the only way to know).</summary>
    public bool MayHoldRollouts => SqlitePath is null || File.Exists(SqlitePath);

    /// <summary>Opens the store, creating a SQLite file (and its directory) if needed.</summary>
    public IRolloutStore Open()
    {
        if (SqlitePath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return SqliteRolloutStore.Open(path);
        }

        return EtcdRolloutStore.Open(EtcdEndpoint!, EtcdPrefix!);
    }

    public override string ToString() => Text;
}
