using LiveUpdate.Libvirt.Tests.TestDriver;

namespace LiveUpdate.Libvirt.Tests.Errors;

public sealed class LibvirtExceptionTests : IDisposable
{
    private readonly TestNode node = TestNode.Create(64);
    private readonly LibvirtConnection connection;

    public LibvirtExceptionTests()
    {
        connection = LibvirtConnection.Open(node.Uri);
    }

    [Fact]
    public void Message_FailuresOnManyThreadsAtOnce_EachCarriesItsOwnDomainsError()
    {
        var names = Enumerable.Range(0, node.Count).Select(TestNode.NameOf).ToArray();
        var messages = new string[names.Length];

        // Resuming a running domain fails with a message naming that domain, read from the failing thread's slot.
        Parallel.For(0, names.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using var domain = connection.LookupByName(names[i]);
            messages[i] = Assert.Throws<LibvirtException>(domain.Resume).Message;
        });

        for (var i = 0; i < names.Length; i++)
        {
            Assert.Contains($"'{names[i]}'", messages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Error_AfterFailure_CarriesCodeDomainAndLevel()
    {
        var error = Assert.Throws<LibvirtException>(() => connection.LookupByName("ghost"));

        Assert.Equal(new LibvirtError(LibvirtErrorCode.NoDomain, LibvirtErrorDomain.Test, LibvirtErrorLevel.Error, "Domain not found"), error.Error);
        Assert.Equal("domain 'ghost': Domain not found", error.Message);
    }

    public void Dispose()
    {
        connection.Dispose();
        node.Dispose();
    }
}
