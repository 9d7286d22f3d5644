using LiveUpdate.Libvirt.Tests.TestDriver;

namespace LiveUpdate.Libvirt.Tests.Domains;

public sealed class LibvirtDomainTests : IDisposable
{
    private readonly TestNode node = TestNode.Create(200);
    private readonly LibvirtConnection connection;

    public LibvirtDomainTests()
    {
        connection = LibvirtConnection.Open(node.Uri);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(199)]
    public void GetInfo_DomainFromNode_ReportsItsMemoryAndVcpus(int index)
    {
        using var domain = connection.LookupByName(TestNode.NameOf(index));

        var info = domain.GetInfo();

        Assert.Equal(DomainState.Running, info.State);
        Assert.Equal(TestNode.MemoryKiBOf(index), info.MaxMemoryKiB);
        Assert.Equal(TestNode.MemoryKiBOf(index), info.MemoryKiB);
        Assert.Equal(TestNode.VcpusOf(index), info.VcpuCount);
    }

    [Fact]
    public void GetXmlDesc_DomainFromNode_ContainsNameAndUuid()
    {
        using var domain = connection.LookupByName("vm010");

        var xml = domain.GetXmlDesc(DomainXmlFlags.Inactive);

        Assert.Contains("<name>vm010</name>", xml, StringComparison.Ordinal);
        Assert.Contains(TestNode.UuidOf(10).ToString(), xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Suspend_RunningDomain_BecomesPaused()
    {
        using var domain = connection.LookupByName("vm020");

        domain.Suspend();

        Assert.Equal(DomainState.Paused, domain.GetState().State);
        Assert.True(domain.IsActive);
    }

    [Fact]
    public void Resume_PausedDomain_BecomesRunning()
    {
        using var domain = connection.LookupByName("vm021");
        domain.Suspend();

        domain.Resume();

        Assert.Equal(DomainState.Running, domain.GetState().State);
    }

    [Fact]
    public void Resume_RunningDomain_ThrowsWithLibvirtsMessage()
    {
        using var domain = connection.LookupByName("vm022");

        var error = Assert.Throws<LibvirtException>(domain.Resume);

        Assert.Contains("not paused", error.Message, StringComparison.Ordinal);
        Assert.Equal(LibvirtErrorLevel.Error, error.Level);
        Assert.Equal(DomainState.Running, domain.GetState().State);
    }

    [Fact]
    public void Suspend_ShutOffDomain_ThrowsWithLibvirtsMessage()
    {
        using var domain = connection.LookupByName("vm023");
        domain.Destroy();

        var error = Assert.Throws<LibvirtException>(domain.Suspend);

        Assert.Contains("not running", error.Message, StringComparison.Ordinal);
        Assert.Equal(LibvirtErrorDomain.Test, error.ErrorDomain);
    }

    [Fact]
    public void Save_RunningDomain_WritesImageAndStopsDomain()
    {
        using var domain = connection.LookupByName("vm030");
        var image = node.FilePathFor("vm030.sav");

        domain.Save(image);

        Assert.True(new FileInfo(image).Length > 0);
        Assert.Equal(DomainState.Shutoff, domain.GetState().State);
        Assert.False(domain.IsActive);
    }

    [Fact]
    public void RestoreDomain_SavedImage_DomainRunsAgainWithSameIdentity()
    {
        using var domain = connection.LookupByName("vm031");
        var image = node.FilePathFor("vm031.sav");
        domain.Save(image);

        connection.RestoreDomain(image);

        Assert.Equal(DomainState.Running, domain.GetState().State);
        Assert.Equal(TestNode.UuidOf(31), domain.Uuid);
    }

    [Fact]
    public void RestoreDomain_FlagTheDriverLacks_ThrowsInvalidArgumentAndLeavesDomainStopped()
    {
        using var domain = connection.LookupByName("vm032");
        var image = node.FilePathFor("vm032.sav");
        domain.Save(image);

        var error = Assert.Throws<LibvirtException>(() => connection.RestoreDomain(image, flags: DomainSaveFlags.Paused));

        Assert.Equal(LibvirtErrorCode.InvalidArgument, error.Code);
        Assert.Contains("unsupported flags", error.Message, StringComparison.Ordinal);
        Assert.Equal(DomainState.Shutoff, domain.GetState().State);
    }

    [Fact]
    public void RestoreDomain_MissingImage_ThrowsNamingTheFile()
    {
        var image = node.FilePathFor("never-written.sav");

        var error = Assert.Throws<LibvirtException>(() => connection.RestoreDomain(image));

        Assert.Contains("never-written.sav", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManagedSave_RunningDomain_StopsAndKeepsImageUntilStarted()
    {
        using var domain = connection.LookupByName("vm040");

        domain.ManagedSave();

        Assert.True(domain.HasManagedSave);
        Assert.False(domain.IsActive);
        Assert.Single(connection.ListDomains(DomainListFilter.ManagedSave), d => d.Name == "vm040");

        domain.Create();

        Assert.True(domain.IsActive);
        Assert.False(domain.HasManagedSave);
    }

    [Fact]
    public void ManagedSaveRemove_SavedDomain_DropsTheImage()
    {
        using var domain = connection.LookupByName("vm041");
        domain.ManagedSave();

        domain.ManagedSaveRemove();

        Assert.False(domain.HasManagedSave);
    }

    [Fact]
    public void Undefine_ShutOffDomain_LookupThenFindsNothing()
    {
        using var domain = connection.LookupByName("vm050");
        domain.Destroy();

        domain.Undefine();

        Assert.False(connection.TryLookupByName("vm050", out _));
    }

    [Fact]
    public void Id_RunningThenDestroyed_GoesFromValueToNull()
    {
        using var domain = connection.LookupByName("vm060");
        Assert.NotNull(domain.Id);

        domain.Destroy();

        Assert.Null(domain.Id);
        Assert.Equal(DomainState.Shutoff, domain.GetState().State);
    }

    public void Dispose()
    {
        connection.Dispose();
        node.Dispose();
    }
}
