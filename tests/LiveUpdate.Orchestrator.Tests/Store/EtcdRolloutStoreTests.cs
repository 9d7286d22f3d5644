using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Store.Etcd;
using LiveUpdate.Orchestrator.Tests.Engine;

namespace LiveUpdate.Orchestrator.Tests.Store;

/// <summary>The etcd store against a real etcd; each test works under its own key prefix.</summary>
[Trait("Category", "etcd")]
public sealed class EtcdRolloutStoreTests(EtcdServer etcd) : RolloutStoreContract, IClassFixture<EtcdServer>
{
    private readonly string _prefix = "/liveupdate-test/" + Guid.NewGuid().ToString("N");

    protected override IRolloutStore Open() => EtcdRolloutStore.Open(etcd.Endpoint, _prefix);

    [Fact]
    public async Task Commit_TwoOrchestratorsAtOnce_EveryEventKeptWithItsOwnId()
    {
        using (var setup = Open())
        {
            setup.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.RunningWave), [], Event("created"));
        }

        using var first = Open();
        using var second = Open();
        using var go = new Barrier(2);
        Task Writer(IRolloutStore store, string who) => Task.Run(() =>
        {
            go.SignalAndWait();
            for (var i = 0; i < 40; i++)
            {
                store.Commit(new StoreCommit(null, [], [Event($"{who}-{i}")]));
            }
        });

        await Task.WhenAll(Writer(first, "a"), Writer(second, "b"));

        var events = first.Events("r1");
        Assert.Equal(81, events.Count);
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"a-{i}"), events.Where(e => e.Kind.StartsWith("a-", StringComparison.Ordinal)).Select(e => e.Kind));
    }

    [Fact]
    public void Hosts_AndEvents_MoreThanOnePage_ReadWholeAndInOrder()
    {
        using var store = EtcdRolloutStore.Open(etcd.Endpoint, _prefix, pageSize: 2);
        var hosts = Enumerable.Range(0, 5).Select(i => DeciderFixtures.Host($"hv-{i}", "rack-1") with { Wave = 1, Position = i }).ToList();
        store.CreateRollout(DeciderFixtures.RolloutIn(RolloutState.Planned), hosts, Event("created"));
        store.Commit(new StoreCommit(null, [], [.. Enumerable.Range(0, 6).Select(i => Event($"e{i}"))]));

        Assert.Equal(hosts.Select(h => h.Host), store.Hosts("r1").Select(h => h.Host));
        Assert.Equal(["created", "e0", "e1", "e2", "e3", "e4", "e5"], store.Events("r1").Select(e => e.Kind));
        Assert.Equal(["e3", "e4", "e5"], store.Events("r1", store.Events("r1")[3].Id).Select(e => e.Kind));
    }

    [Fact]
    public void RunAsync_SameRolloutOnEtcdAndOnSqlite_SameHostsSameEventsSameEnd()
    {
        using var onSqlite = new EngineHarness();
        using var onEtcd = new EngineHarness(openStore: Open);

        Assert.Equal(RolloutState.Completed, onSqlite.Run());
        Assert.Equal(RolloutState.Completed, onEtcd.Run());

        Assert.Equal(onSqlite.Hosts().Select(h => (h.Host, h.Phase, h.EndedAt)), onEtcd.Hosts().Select(h => (h.Host, h.Phase, h.EndedAt)));
        Assert.Equal(onSqlite.Read(s => s.Events(s.ListRollouts()[0].Id)).Select(e => (e.Kind, e.Host, e.At)), onEtcd.Read(s => s.Events("r1")).Select(e => (e.Kind, e.Host, e.At)));
    }

    [Fact]
    public void Open_KeysOfANewerOrchestrator_RefusedWithBothVersions()
    {
        using (var client = new dotnet_etcd.EtcdClient(etcd.Endpoint.GetLeftPart(UriPartial.Authority)))
        {
            client.Put(_prefix + "/schema-version", "7");
        }

        var refused = Assert.Throws<StoreVersionException>(Open);

        Assert.Equal(7, refused.FoundVersion);
    }

    [Fact]
    public void Open_NoEtcdThere_UnavailableNamingTheEndpoint()
    {
        var nowhere = new Uri("http://127.0.0.1:9");

        var refused = Assert.Throws<StoreUnavailableException>(() => EtcdRolloutStore.Open(nowhere, _prefix));

        Assert.Contains("127.0.0.1:9", refused.Message, StringComparison.Ordinal);
    }
}
