namespace LiveUpdate.Libvirt;

/// <summary>Mirrors the common values of libvirt's <c>virDomainCreateFlags</c>.</summary>
[Flags]
public enum DomainCreateFlags : uint
{
    None = 0,
    StartPaused = 1,
    AutoDestroy = 2,
    BypassCache = 4,
    ForceBoot = 8,
    Validate = 16,
}
