namespace LiveUpdate.Libvirt.Tests.Libvirtd;

[Trait("Category", "libvirtd")]
public sealed class LibvirtdQemuTests : IClassFixture<LibvirtdFixture>
{
    private readonly LibvirtdFixture libvirtd;

    public LibvirtdQemuTests(LibvirtdFixture libvirtd)
    {
        this.libvirtd = libvirtd;
    }

    [Fact]
    public void Lifecycle_TinyQemuGuest_StateFollowsEachStep()
    {
        var connection = libvirtd.Connection;
        using var domain = connection.DefineXml(TinyQemuGuest.Xml("lu-lifecycle", libvirtd.WorkDirectory));
        Assert.Equal(DomainState.Shutoff, domain.GetState().State);

        domain.Create();
        Assert.Equal(DomainState.Running, domain.GetState().State);
        Assert.NotNull(domain.Id);

        domain.Suspend();
        Assert.Equal(DomainState.Paused, domain.GetState().State);

        domain.Resume();
        Assert.Equal(DomainState.Running, domain.GetState().State);

        var image = Path.Combine(libvirtd.WorkDirectory, "lu-lifecycle.sav");
        domain.Save(image);
        Assert.Equal(DomainState.Shutoff, domain.GetState().State);
        Assert.True(new FileInfo(image).Length > 0);

        connection.RestoreDomain(image, flags: DomainSaveFlags.Paused);
        Assert.Equal(DomainState.Paused, domain.GetState().State);

        domain.Resume();
        Assert.Equal(DomainState.Running, domain.GetState().State);
        Assert.Equal(64UL * 1024, domain.GetInfo().MaxMemoryKiB);

        domain.Destroy();
        domain.Undefine();
        Assert.False(connection.TryLookupByName("lu-lifecycle", out _));
    }

    [Fact]
    public async Task DomainBatch_TwoQemuGuests_SuspendAndResumeAreIdempotent()
    {
        var connection = libvirtd.Connection;
        string[] names = ["lu-batch-a", "lu-batch-b"];
        foreach (var name in names)
        {
            using var guest = connection.CreateXml(TinyQemuGuest.Xml(name, libvirtd.WorkDirectory));
        }

        var batch = new DomainBatch(connection, new DomainBatchOptions { MaxDegreeOfParallelism = 2 });
        var suspended = await batch.SuspendIfRunningAsync(names);
        var suspendedAgain = await batch.SuspendIfRunningAsync(names);
        Assert.All(suspended, o => Assert.True(o.Ok && o.Changed, o.Error?.Message));
        Assert.All(suspendedAgain, o => Assert.True(o.Ok && !o.Changed, o.Error?.Message));
        Assert.Equal(2, connection.ListDomains(DomainListFilter.Paused).Count(d => names.Contains(d.Name)));

        var resumed = await batch.ResumeIfPausedAsync(names);
        Assert.All(resumed, o => Assert.True(o.Ok && o.Changed, o.Error?.Message));
        Assert.Equal(2, connection.ListDomains(DomainListFilter.Running).Count(d => names.Contains(d.Name)));

        foreach (var name in names)
        {
            using var guest = connection.LookupByName(name);
            guest.Destroy();
        }
    }

    [Fact]
    public void Resume_RunningQemuGuest_ThrowsOperationInvalid()
    {
        using var domain = libvirtd.Connection.CreateXml(TinyQemuGuest.Xml("lu-errors", libvirtd.WorkDirectory));
        try
        {
            var error = Assert.Throws<LibvirtException>(domain.Resume);

            Assert.Equal(LibvirtErrorCode.OperationInvalid, error.Code);
            Assert.Equal(DomainState.Running, domain.GetState().State);
        }
        finally
        {
            domain.Destroy();
        }
    }
}
