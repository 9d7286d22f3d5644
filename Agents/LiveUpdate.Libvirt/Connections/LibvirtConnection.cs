using System.Diagnostics.CodeAnalysis;
using LiveUpdate.Libvirt.Interop;

namespace LiveUpdate.Libvirt;

/// <summary>
/// A connection to one hypervisor (e.g. <c>qemu:///system</c>, or <c>test:///path/node.xml</c> in tests).
/// The agent keeps one for its lifetime: libvirt connections are thread-safe, so calls from several
/// threads may share it. Errors are kept per thread by libvirt and are read on the calling thread right
/// after the failed call, so concurrent failures never mix up their messages.
/// </summary>
/// <remarks>
/// The test driver keeps all domain state inside the client connection: a second connection to the same
/// <c>test:///</c> file starts again from the file's contents.
/// </remarks>
public sealed class LibvirtConnection : IDisposable
{
    private readonly ConnectionHandle handle;

    private LibvirtConnection(ConnectionHandle handle)
    {
        this.handle = handle;
    }

    /// <summary>The URI libvirt resolved the connection to.</summary>
    public string Uri => LibvirtException.ThrowIfNull(NativeMethods.virConnectGetURI(handle));

    public string Hostname => LibvirtException.ThrowIfNull(NativeMethods.virConnectGetHostname(handle));

    /// <summary>The version of the libvirt library the connection's driver runs, e.g. 9.0.0.</summary>
    public Version LibVersion
    {
        get
        {
            LibvirtException.ThrowIfFailed(NativeMethods.virConnectGetLibVersion(handle, out var raw));
            var v = raw.Value;
            return new Version((int)(v / 1_000_000), (int)(v / 1000 % 1000), (int)(v % 1000));
        }
    }

    /// <summary>Opens a read-write connection. Fails with NoConnect, SystemError or AuthFailed, carrying libvirt's reason.</summary>
    public static LibvirtConnection Open(string uri) => OpenWith(NativeMethods.virConnectOpen, uri);

    /// <summary>Opens a connection that can observe but not change domains (OperationDenied on changes).</summary>
    public static LibvirtConnection OpenReadOnly(string uri) => OpenWith(NativeMethods.virConnectOpenReadOnly, uri);

    public IReadOnlyList<LibvirtDomain> ListDomains(DomainListFilter filter = DomainListFilter.All) =>
        DomainList.ListAll(handle, (uint)filter).Select(h => new LibvirtDomain(h)).ToArray();

    /// <summary>Finds a domain by name; throws <see cref="LibvirtException"/> with NoDomain if there is none.</summary>
    public LibvirtDomain LookupByName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var domain = NativeMethods.virDomainLookupByName(handle, name);
        LibvirtException.ThrowIfInvalid(domain, $"domain '{name}'");
        return new LibvirtDomain(domain);
    }

    /// <summary>Like <see cref="LookupByName"/>, but a missing domain is a normal answer, not an exception.</summary>
    public bool TryLookupByName(string name, [NotNullWhen(true)] out LibvirtDomain? domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var found = NativeMethods.virDomainLookupByName(handle, name);
        if (found.IsInvalid)
        {
            var error = LibvirtException.FromLastError($"domain '{name}'");
            found.Dispose();
            domain = null;
            return error.Code == LibvirtErrorCode.NoDomain ? false : throw error;
        }

        domain = new LibvirtDomain(found);
        return true;
    }

    public LibvirtDomain LookupByUuid(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        var domain = NativeMethods.virDomainLookupByUUID(handle, bytes);

        LibvirtException.ThrowIfInvalid(domain, $"domain with UUID {uuid}");
        return new LibvirtDomain(domain);
    }

    /// <summary>Defines (or redefines) a persistent domain without starting it.</summary>
    public LibvirtDomain DefineXml(string xml)
    {
        var domain = NativeMethods.virDomainDefineXML(handle, xml);
        LibvirtException.ThrowIfInvalid(domain);
        return new LibvirtDomain(domain);
    }

    /// <summary>Creates and starts a transient domain.</summary>
    public LibvirtDomain CreateXml(string xml, DomainCreateFlags flags = DomainCreateFlags.None)
    {
        var domain = NativeMethods.virDomainCreateXML(handle, xml, (uint)flags);
        LibvirtException.ThrowIfInvalid(domain);
        return new LibvirtDomain(domain);
    }

    /// <summary>Restores a domain saved with <see cref="LibvirtDomain.Save"/>; <paramref name="xml"/> optionally replaces its definition.</summary>
    public void RestoreDomain(string path, string? xml = null, DomainSaveFlags flags = DomainSaveFlags.None) =>
        LibvirtException.ThrowIfFailed(NativeMethods.virDomainRestoreFlags(handle, path, xml, (uint)flags));

    public void Dispose() => handle.Dispose();

    private static LibvirtConnection OpenWith(Func<string?, ConnectionHandle> open, string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        LibvirtRuntime.EnsureInitialized();
        var connection = open(uri);
        if (connection.IsInvalid)
        {
            var error = LibvirtException.FromLastError($"cannot connect to '{uri}'");
            connection.Dispose();
            throw error;
        }

        return new LibvirtConnection(connection);
    }
}
