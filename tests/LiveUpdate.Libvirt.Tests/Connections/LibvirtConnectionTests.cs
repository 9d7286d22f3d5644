using LiveUpdate.Libvirt.Tests.TestDriver;

namespace LiveUpdate.Libvirt.Tests.Connections;

public sealed class LibvirtConnectionTests : IDisposable
{
    private const int DomainCount = 300;
    private readonly TestNode node = TestNode.Create(DomainCount, i => i % 10 == 0 ? DomainState.Paused : DomainState.Running);
    private readonly LibvirtConnection connection;

    public LibvirtConnectionTests()
    {
        connection = LibvirtConnection.Open(node.Uri);
    }

    [Fact]
    public void Open_TestNode_ReportsUriHostnameAndVersion()
    {
        Assert.Equal(node.Uri, connection.Uri);
        Assert.False(string.IsNullOrWhiteSpace(connection.Hostname));
        Assert.True(connection.LibVersion >= new Version(1, 0, 0), $"libvirt {connection.LibVersion}");
    }

    [Fact]
    public void Open_UnknownScheme_ThrowsWithLibvirtsReason()
    {
        var error = Assert.Throws<LibvirtException>(() => LibvirtConnection.Open("nosuchdriver:///nowhere"));

        Assert.Contains("nosuchdriver:///nowhere", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(LibvirtErrorCode.Ok, error.Code);
        Assert.Equal(LibvirtErrorLevel.Error, error.Level);
    }

    [Fact]
    public void Open_MissingNodeFile_ThrowsNamingTheFile()
    {
        var missing = Path.Combine(node.Directory, "absent.xml");

        var error = Assert.Throws<LibvirtException>(() => LibvirtConnection.Open("test://" + missing));

        Assert.Contains("absent.xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListDomains_All_ReturnsEveryDomainOfTheNode()
    {
        var domains = connection.ListDomains();
        try
        {
            var names = domains.Select(d => d.Name).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(Enumerable.Range(0, DomainCount).Select(TestNode.NameOf), names);
        }
        finally
        {
            DisposeAll(domains);
        }
    }

    [Fact]
    public void ListDomains_PausedAndRunningFilters_SplitByState()
    {
        var paused = connection.ListDomains(DomainListFilter.Paused);
        var running = connection.ListDomains(DomainListFilter.Running);
        try
        {
            Assert.Equal(DomainCount / 10, paused.Count);
            Assert.Equal(DomainCount - (DomainCount / 10), running.Count);
            Assert.All(paused, d => Assert.Equal(DomainState.Paused, d.GetState().State));
        }
        finally
        {
            DisposeAll(paused);
            DisposeAll(running);
        }
    }

    [Fact]
    public void LookupByName_ExistingDomain_ReturnsThatDomain()
    {
        using var domain = connection.LookupByName("vm123");

        Assert.Equal("vm123", domain.Name);
        Assert.Equal(TestNode.UuidOf(123), domain.Uuid);
        Assert.Equal(TestNode.MemoryKiBOf(123), domain.GetInfo().MaxMemoryKiB);
    }

    [Fact]
    public void LookupByName_MissingDomain_ThrowsNoDomain()
    {
        var error = Assert.Throws<LibvirtException>(() => connection.LookupByName("no-such-vm"));

        Assert.Equal(LibvirtErrorCode.NoDomain, error.Code);
        Assert.Contains("no-such-vm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLookupByName_MissingDomain_ReturnsFalse()
    {
        Assert.False(connection.TryLookupByName("no-such-vm", out var domain));
        Assert.Null(domain);
    }

    [Fact]
    public void TryLookupByName_ExistingDomain_ReturnsDomain()
    {
        Assert.True(connection.TryLookupByName("vm007", out var domain));
        using (domain)
        {
            Assert.Equal(TestNode.UuidOf(7), domain.Uuid);
        }
    }

    [Fact]
    public void LookupByUuid_ExistingDomain_ReturnsThatDomain()
    {
        using var domain = connection.LookupByUuid(TestNode.UuidOf(42));

        Assert.Equal("vm042", domain.Name);
    }

    [Fact]
    public void LookupByUuid_UnknownUuid_ThrowsNoDomain()
    {
        var error = Assert.Throws<LibvirtException>(() => connection.LookupByUuid(Guid.NewGuid()));

        Assert.Equal(LibvirtErrorCode.NoDomain, error.Code);
    }

    [Fact]
    public void DefineXml_NewDomain_IsPersistentAndShutOff()
    {
        using var domain = connection.DefineXml(DomainXml("extra-1", 65536));

        Assert.True(domain.IsPersistent);
        Assert.False(domain.IsActive);
        Assert.Null(domain.Id);
        Assert.Equal(DomainState.Shutoff, domain.GetState().State);
    }

    [Fact]
    public void CreateXml_NewDomain_IsTransientAndRunning()
    {
        using var domain = connection.CreateXml(DomainXml("extra-2", 65536));

        Assert.False(domain.IsPersistent);
        Assert.True(domain.IsActive);
        Assert.NotNull(domain.Id);
        Assert.Equal(DomainState.Running, domain.GetState().State);
    }

    [Fact]
    public void DefineXml_MalformedXml_ThrowsXmlDetail()
    {
        var error = Assert.Throws<LibvirtException>(() => connection.DefineXml("<domain type='test'><name>broken"));

        Assert.Equal(LibvirtErrorCode.XmlDetail, error.Code);
    }

    [Fact]
    public void OpenReadOnly_Suspend_ThrowsOperationDenied()
    {
        using var readOnly = LibvirtConnection.OpenReadOnly(node.Uri);
        using var domain = readOnly.LookupByName("vm001");

        var error = Assert.Throws<LibvirtException>(domain.Suspend);

        Assert.Equal(LibvirtErrorCode.OperationDenied, error.Code);
    }

    [Fact]
    public void Dispose_DomainStillHeld_DomainKeepsWorking()
    {
        var own = LibvirtConnection.Open(node.Uri);
        using var domain = own.LookupByName("vm002");

        own.Dispose();

        Assert.Equal(DomainState.Running, domain.GetState().State);
    }

    public void Dispose()
    {
        connection.Dispose();
        node.Dispose();
    }

    internal static string DomainXml(string name, int memoryKiB) =>
        $"<domain type='test'><name>{name}</name><memory>{memoryKiB}</memory><vcpu>1</vcpu>" +
        "<os><type arch='x86_64'>hvm</type></os><devices/></domain>";

    private static void DisposeAll(IEnumerable<LibvirtDomain> domains)
    {
        foreach (var domain in domains)
        {
            domain.Dispose();
        }
    }
}
