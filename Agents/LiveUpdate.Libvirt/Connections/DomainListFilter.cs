namespace LiveUpdate.Libvirt;

/// <summary>
/// Mirrors libvirt's <c>virConnectListAllDomainsFlags</c>. Flags from different groups are ANDed, flags in
/// the same group ORed (e.g. <c>Active | Paused</c> is "active and paused"); <see cref="All"/> lists everything.
/// </summary>
[Flags]
public enum DomainListFilter : uint
{
    All = 0,
    Active = 1,
    Inactive = 2,
    Persistent = 4,
    Transient = 8,
    Running = 16,
    Paused = 32,
    Shutoff = 64,
    Other = 128,
    ManagedSave = 256,
    NoManagedSave = 512,
    Autostart = 1024,
    NoAutostart = 2048,
    HasSnapshot = 4096,
    NoSnapshot = 8192,
}
