namespace LiveUpdate.Libvirt;

/// <summary>Mirrors libvirt's <c>virDomainXMLFlags</c>.</summary>
[Flags]
public enum DomainXmlFlags : uint
{
    None = 0,
    Secure = 1,
    Inactive = 2,
    UpdateCpu = 4,
    Migratable = 8,
}
