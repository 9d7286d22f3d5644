using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;

namespace LiveUpdate.Orchestrator.Store.Etcd;

/// <summary>
/// <see cref="IRolloutStore"/> in etcd, for several orchestrators sharing a fleet: every method is one etcd
/// transaction, durable (in etcd's replicated log) when it returns. Event ids come from one counter key, claimed
/// with a compare on its revision, so two orchestrators committing at once never hand out the same id: the loser
/// of the race reads the counter again and retries. Operator intents live in their own key, written only by
/// <see cref="RequestControl"/>, so an engine's commit never erases a pause requested from another process.
/// </summary>
public sealed class EtcdRolloutStore : IRolloutStore
{
    /// <summary>The layout this build writes; a store whose marker is higher was written by a newer orchestrator.</summary>
    public const long SchemaVersion = 1;

    private const int MaxAttempts = 100;

    /// <summary>Keys per range read: a fleet's hosts or a long event log come in pages, each well under gRPC's message limit.</summary>
    public const int DefaultPageSize = 1000;

    private readonly Lock _lock = new();
    private readonly EtcdClient _client;
    private readonly EtcdKeys _keys;
    private readonly string _location;
    private readonly int _pageSize;

    private EtcdRolloutStore(EtcdClient client, EtcdKeys keys, string location, int pageSize)
    {
        _client = client;
        _keys = keys;
        _location = location;
        _pageSize = pageSize;
    }

    /// <summary>Connects to etcd at <paramref name="endpoint"/> (e.g. http://10.0.0.5:2379) and uses the keys under <paramref name="prefix"/>.</summary>
    /// <exception cref="StoreUnavailableException">etcd did not answer.</exception>
    /// <exception cref="StoreVersionException">The keys were written by a newer orchestrator.</exception>
    /// <param name="pageSize">Keys per range read (<see cref="DefaultPageSize"/>).</param>
    public static EtcdRolloutStore Open(Uri endpoint, string prefix, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var location = $"etcd://{endpoint.Authority}{(prefix.StartsWith('/') ? "" : "/")}{prefix}";
        var client = new EtcdClient(endpoint.GetLeftPart(UriPartial.Authority));
        try
        {
            var keys = new EtcdKeys(prefix);
            var store = new EtcdRolloutStore(client, keys, location, pageSize);
            store.CheckSchema(prefix.TrimEnd('/') + "/schema-version");
            return store;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void CreateRollout(RolloutRecord rollout, IReadOnlyList<HostRecord> hosts, RolloutEventRecord created)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(created);
        Retrying(() =>
        {
            var txn = new TxnRequest();
            txn.Compare.Add(Absent(_keys.Rollout(rollout.Id)));
            txn.Success.Add(Put(_keys.Rollout(rollout.Id), Json(rollout with { PauseRequested = false, AbortRequested = false }, EtcdJsonContext.Default.RolloutRecord)));
            txn.Success.Add(Put(_keys.Intents(rollout.Id), Json(new EtcdIntents(rollout.PauseRequested, rollout.AbortRequested), EtcdJsonContext.Default.EtcdIntents)));
            foreach (var host in hosts)
            {
                txn.Success.Add(Put(_keys.Host(host), Json(host, EtcdJsonContext.Default.HostRecord)));
            }

            AddEvents(txn, [created]);
            return Transact(txn) || (Exists(_keys.Rollout(rollout.Id))
                ? throw new InvalidOperationException($"rollout '{rollout.Id}' already exists in the store; resume it instead of creating it again")
                : false);
        });
    }

    public RolloutRecord? FindRollout(string id)
    {
        var txn = new TxnRequest();
        txn.Success.Add(Range(_keys.Rollout(id)));
        txn.Success.Add(Range(_keys.Intents(id)));
        var reply = Call(() => _client.Transaction(txn));
        var rollout = reply.Responses[0].ResponseRange.Kvs.SingleOrDefault();
        return rollout is null ? null : WithIntents(rollout, reply.Responses[1].ResponseRange.Kvs.SingleOrDefault());
    }

    public IReadOnlyList<RolloutRecord> ListRollouts()
    {
        var txn = new TxnRequest();
        txn.Success.Add(Prefix(_keys.Rollouts));
        txn.Success.Add(Prefix(_keys.Intents("")));
        var reply = Call(() => _client.Transaction(txn));
        var intents = reply.Responses[1].ResponseRange.Kvs.ToDictionary(kv => kv.Key.ToStringUtf8()[_keys.Intents("").Length..], StringComparer.Ordinal);
        return [.. reply.Responses[0].ResponseRange.Kvs
            .Select(kv => WithIntents(kv, intents.GetValueOrDefault(kv.Key.ToStringUtf8()[_keys.Rollouts.Length..])))
            .OrderBy(r => r.CreatedAt)
            .ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<HostRecord> Hosts(string rolloutId) =>
        [.. Paged(_keys.Hosts(rolloutId), RangeEnd(_keys.Hosts(rolloutId))).Select(kv => Parse(kv, EtcdJsonContext.Default.HostRecord))];

    public void Commit(StoreCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Retrying(() =>
        {
            var txn = new TxnRequest();
            if (commit.Rollout is { } rollout)
            {
                txn.Compare.Add(Present(_keys.Rollout(rollout.Id)));
                txn.Success.Add(Put(_keys.Rollout(rollout.Id), Json(rollout with { PauseRequested = false, AbortRequested = false }, EtcdJsonContext.Default.RolloutRecord)));
            }

            foreach (var host in commit.Hosts)
            {
                txn.Success.Add(Put(_keys.Host(host), Json(host, EtcdJsonContext.Default.HostRecord)));
            }

            AddEvents(txn, commit.Events);
            return Transact(txn) || (commit.Rollout is { } missing && !Exists(_keys.Rollout(missing.Id))
                ? throw new KeyNotFoundException($"rollout '{missing.Id}' is not in the store")
                : false);
        });
    }

    public void RequestControl(string rolloutId, RolloutControl control, string reason, DateTimeOffset at)
    {
        Retrying(() =>
        {
            var current = Call(() => _client.Get(_keys.Intents(rolloutId))).Kvs.SingleOrDefault()
                ?? throw new KeyNotFoundException($"no rollout '{rolloutId}' in the store; list rollouts to find its id");
            var intents = Parse(current, EtcdJsonContext.Default.EtcdIntents);
            var changed = control switch
            {
                RolloutControl.Pause => intents with { Pause = true },
                RolloutControl.Resume => intents with { Pause = false },
                _ => intents with { Abort = true },
            };
            var txn = new TxnRequest();
            txn.Compare.Add(SameRevision(_keys.Intents(rolloutId), current.ModRevision));
            txn.Success.Add(Put(_keys.Intents(rolloutId), Json(changed, EtcdJsonContext.Default.EtcdIntents)));
            AddEvents(txn, [new RolloutEventRecord(0, rolloutId, at, null, "control-" + control.ToString().ToLowerInvariant(), reason)]);
            return Transact(txn);
        });
    }

    public IReadOnlyList<RolloutEventRecord> Events(string rolloutId, long afterId = 0)
    {
        return [.. Paged(_keys.Event(rolloutId, afterId + 1), RangeEnd(_keys.Events(rolloutId))).Select(kv => Parse(kv, EtcdJsonContext.Default.RolloutEventRecord))];
    }

    public RolloutClaim Claim(string rolloutId, string owner, DateTimeOffset now, DateTimeOffset until)
    {
        RolloutClaim? claim = null;
        Retrying(() =>
        {
            var reply = Call(() => _client.Get(_keys.Claim(rolloutId))).Kvs.SingleOrDefault();
            var held = reply is null ? null : Parse(reply, EtcdJsonContext.Default.EtcdClaim);
            claim = RolloutClaim.Decide(held?.Owner, held?.Until, owner, now, until);
            if (!claim.Granted)
            {
                return true;
            }

            var txn = new TxnRequest();
            txn.Compare.Add(Present(_keys.Rollout(rolloutId)));
            txn.Compare.Add(reply is null ? Absent(_keys.Claim(rolloutId)) : SameRevision(_keys.Claim(rolloutId), reply.ModRevision));
            txn.Success.Add(Put(_keys.Claim(rolloutId), Json(new EtcdClaim(owner, until), EtcdJsonContext.Default.EtcdClaim)));
            return Transact(txn) || (!Exists(_keys.Rollout(rolloutId)) ? throw new KeyNotFoundException($"no rollout '{rolloutId}' in the store") : false);
        });
        return claim!;
    }

    public void Release(string rolloutId, string owner)
    {
        var reply = Call(() => _client.Get(_keys.Claim(rolloutId))).Kvs.SingleOrDefault();
        if (reply is null || Parse(reply, EtcdJsonContext.Default.EtcdClaim).Owner != owner)
        {
            return;
        }

        var txn = new TxnRequest();
        txn.Compare.Add(SameRevision(_keys.Claim(rolloutId), reply.ModRevision));
        txn.Success.Add(new RequestOp { RequestDeleteRange = new DeleteRangeRequest { Key = Bytes(_keys.Claim(rolloutId)) } });
        Transact(txn);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Every key in [<paramref name="from"/>, <paramref name="end"/>), in key order, one page per call, all at one revision.</summary>
    private List<Mvccpb.KeyValue> Paged(string from, string end)
    {
        var all = new List<Mvccpb.KeyValue>();
        var start = Bytes(from);
        long revision = 0;
        while (true)
        {
            var request = new RangeRequest { Key = start, RangeEnd = Bytes(end), Limit = _pageSize, Revision = revision };
            var page = Call(() => _client.Get(request));
            all.AddRange(page.Kvs);
            if (!page.More || page.Kvs.Count == 0)
            {
                return all;
            }

            // The next page starts just after the last key read, at the revision of the first page: one consistent view.
            revision = page.Header.Revision;
            start = ByteString.CopyFrom([.. page.Kvs[^1].Key.Span, 0]);
        }
    }

    /// <summary>Gives <paramref name="events"/> the next ids and adds them, with the counter's new value, to <paramref name="txn"/>, guarded by the counter's revision.</summary>
    private void AddEvents(TxnRequest txn, IReadOnlyList<RolloutEventRecord> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var counter = Call(() => _client.Get(_keys.EventSequence)).Kvs.SingleOrDefault();
        var last = counter is null ? 0 : long.Parse(counter.Value.ToStringUtf8(), CultureInfo.InvariantCulture);
        txn.Compare.Add(counter is null
            ? Absent(_keys.EventSequence)
            : SameRevision(_keys.EventSequence, counter.ModRevision));
        foreach (var e in events)
        {
            last++;
            txn.Success.Add(Put(_keys.Event(e.RolloutId, last), Json(e with { Id = last }, EtcdJsonContext.Default.RolloutEventRecord)));
        }

        txn.Success.Add(Put(_keys.EventSequence, last.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Runs <paramref name="attempt"/> until it commits; it returns false when another writer won a race, and throws for a real refusal.</summary>
    private void Retrying(Func<bool> attempt)
    {
        lock (_lock)
        {
            for (var i = 0; i < MaxAttempts; i++)
            {
                if (attempt())
                {
                    return;
                }
            }
        }

        throw new StoreUnavailableException(_location, $"{MaxAttempts} attempts in a row lost a race with other writers");
    }

    private void CheckSchema(string key)
    {
        var marker = Call(() => _client.Get(key)).Kvs.SingleOrDefault();
        if (marker is null)
        {
            var txn = new TxnRequest();
            txn.Compare.Add(Absent(key));
            txn.Success.Add(Put(key, SchemaVersion.ToString(CultureInfo.InvariantCulture)));
            Transact(txn);
            return;
        }

        var found = long.Parse(marker.Value.ToStringUtf8(), CultureInfo.InvariantCulture);
        if (found > SchemaVersion)
        {
            throw new StoreVersionException(_location, found, SchemaVersion);
        }
    }

    private bool Transact(TxnRequest txn) => Call(() => _client.Transaction(txn)).Succeeded;

    private bool Exists(string key) => Call(() => _client.Get(key)).Kvs.Count > 0;

    private T Call<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (RpcException e)
        {
            throw new StoreUnavailableException(_location, e.Status.Detail.Length > 0 ? e.Status.Detail : e.StatusCode.ToString(), e);
        }
    }

    private static RolloutRecord WithIntents(Mvccpb.KeyValue rollout, Mvccpb.KeyValue? intents)
    {
        var record = Parse(rollout, EtcdJsonContext.Default.RolloutRecord);
        var wanted = intents is null ? new EtcdIntents(false, false) : Parse(intents, EtcdJsonContext.Default.EtcdIntents);
        return record with { PauseRequested = wanted.Pause, AbortRequested = wanted.Abort };
    }

    private static T Parse<T>(Mvccpb.KeyValue kv, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(kv.Value.Span, type) ?? throw new InvalidDataException($"etcd key {kv.Key.ToStringUtf8()} holds no {typeof(T).Name}");

    private static string Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private static Compare Absent(string key) =>
        new() { Key = Bytes(key), Target = Compare.Types.CompareTarget.Version, Result = Compare.Types.CompareResult.Equal, Version = 0 };

    private static Compare SameRevision(string key, long revision) =>
        new() { Key = Bytes(key), Target = Compare.Types.CompareTarget.Mod, Result = Compare.Types.CompareResult.Equal, ModRevision = revision };

    private static Compare Present(string key) =>
        new() { Key = Bytes(key), Target = Compare.Types.CompareTarget.Version, Result = Compare.Types.CompareResult.Greater, Version = 0 };

    private static RequestOp Put(string key, string value) => new() { RequestPut = new PutRequest { Key = Bytes(key), Value = ByteString.CopyFromUtf8(value) } };

    private static RequestOp Range(string key) => new() { RequestRange = new RangeRequest { Key = Bytes(key) } };

    private static RequestOp Prefix(string prefix) => new() { RequestRange = new RangeRequest { Key = Bytes(prefix), RangeEnd = Bytes(RangeEnd(prefix)) } };

    /// <summary>The first key after every key that starts with <paramref name="prefix"/> (the prefix with its last byte raised).</summary>
    private static string RangeEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static ByteString Bytes(string key) => ByteString.CopyFromUtf8(key);
}
