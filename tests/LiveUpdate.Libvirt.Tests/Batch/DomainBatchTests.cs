using LiveUpdate.Libvirt.Tests.TestDriver;
using Microsoft.Extensions.Time.Testing;

namespace LiveUpdate.Libvirt.Tests.Batch;

public sealed class DomainBatchTests : IDisposable
{
    private const int DomainCount = 250;
    private readonly TestNode node = TestNode.Create(DomainCount, i => i % 5 == 0 ? DomainState.Paused : DomainState.Running);
    private readonly LibvirtConnection connection;
    private readonly DomainBatch batch;

    public DomainBatchTests()
    {
        connection = LibvirtConnection.Open(node.Uri);
        batch = new DomainBatch(connection, new DomainBatchOptions { MaxDegreeOfParallelism = 8 });
    }

    private static IEnumerable<string> AllNames => Enumerable.Range(0, DomainCount).Select(TestNode.NameOf);

    [Fact]
    public async Task SuspendIfRunningAsync_MixedStates_PausesAllAndReportsWhichChanged()
    {
        var outcomes = await batch.SuspendIfRunningAsync(AllNames);

        Assert.Equal(AllNames, outcomes.Select(o => o.Name));
        Assert.All(outcomes, o => Assert.True(o.Ok, o.Error?.Message));
        Assert.Equal(DomainCount / 5, outcomes.Count(o => !o.Changed));
        Assert.Equal(DomainCount, connection.ListDomains(DomainListFilter.Paused).Count);
    }

    [Fact]
    public async Task ResumeIfPausedAsync_RunTwice_SecondRunIsAllNoOps()
    {
        await batch.SuspendIfRunningAsync(AllNames);

        var first = await batch.ResumeIfPausedAsync(AllNames);
        var second = await batch.ResumeIfPausedAsync(AllNames);

        Assert.All(first, o => Assert.True(o.Ok && o.Changed, o.Name));
        Assert.All(second, o => Assert.True(o.Ok && !o.Changed, o.Name));
        Assert.Equal(DomainCount, connection.ListDomains(DomainListFilter.Running).Count);
    }

    [Fact]
    public async Task SuspendIfRunningAsync_SomeDomainsMissingOrStopped_RecordsThoseAndHandlesTheRest()
    {
        using (var stopped = connection.LookupByName("vm001"))
        {
            stopped.Destroy();
        }

        var outcomes = await batch.SuspendIfRunningAsync(["vm001", "ghost", "vm002", "vm003"]);

        Assert.Equal([false, false, true, true], outcomes.Select(o => o.Ok));
        Assert.Contains("not running", outcomes[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(LibvirtErrorCode.NoDomain, outcomes[1].Error!.Code);
        Assert.Equal(DomainState.Paused, State("vm003"));
    }

    [Fact]
    public async Task SaveAsync_ThenRestoreIfNotActiveAsync_DomainsRunAgain()
    {
        var images = Enumerable.Range(1, 40).Select(i => new DomainImage(TestNode.NameOf(i), node.FilePathFor($"{TestNode.NameOf(i)}.sav"))).ToArray();

        var saved = await batch.SaveAsync(images);
        Assert.All(saved, o => Assert.True(o.Ok, o.Error?.Message));
        Assert.All(images, image => Assert.Equal(DomainState.Shutoff, State(image.Name)));

        var restored = await batch.RestoreIfNotActiveAsync(images);

        Assert.All(restored, o => Assert.True(o.Ok && o.Changed, o.Error?.Message));
        Assert.All(images, image => Assert.Equal(DomainState.Running, State(image.Name)));
    }

    [Fact]
    public async Task RestoreIfNotActiveAsync_DomainAlreadyRunning_IsNoOpWithoutReadingImage()
    {
        var image = new DomainImage("vm004", node.FilePathFor("never-written.sav"));

        var outcome = Assert.Single(await batch.RestoreIfNotActiveAsync([image]));

        Assert.True(outcome.Ok);
        Assert.False(outcome.Changed);
    }

    [Fact]
    public async Task SaveAsync_UnwritableTarget_RecordsFailureAndDomainKeepsRunning()
    {
        var image = new DomainImage("vm006", Path.Combine(node.Directory, "no-such-dir", "vm006.sav"));

        var outcome = Assert.Single(await batch.SaveAsync([image]));

        Assert.False(outcome.Ok);
        Assert.NotNull(outcome.Error);
        Assert.Equal(DomainState.Running, State("vm006"));
    }

    [Fact]
    public async Task SuspendIfRunningAsync_AlreadyCancelled_RecordsEveryDomainAsNotHandled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var outcomes = await batch.SuspendIfRunningAsync(["vm007", "vm008"], cancelled.Token);

        Assert.All(outcomes, o => Assert.Equal(LibvirtErrorCode.OperationAborted, o.Error?.Code));
        Assert.Equal(DomainState.Running, State("vm007"));
    }

    [Fact]
    public async Task SuspendIfRunningAsync_WithTimeProvider_ElapsedComesFromIt()
    {
        var time = new FakeTimeProvider();
        var timed = new DomainBatch(connection, timeProvider: time);

        var outcome = Assert.Single(await timed.SuspendIfRunningAsync(["vm009"]));

        Assert.True(outcome.Ok);
        Assert.Equal(TimeSpan.Zero, outcome.Elapsed);
    }

    [Fact]
    public void Constructor_ZeroParallelism_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DomainBatch(connection, new DomainBatchOptions { MaxDegreeOfParallelism = 0 }));
    }

    public void Dispose()
    {
        connection.Dispose();
        node.Dispose();
    }

    private DomainState State(string name)
    {
        using var domain = connection.LookupByName(name);
        return domain.GetState().State;
    }
}
