namespace LiveUpdate.Libvirt;

/// <summary>Mirrors libvirt's <c>virDomainSaveRestoreFlags</c>, for save, managed save and restore.</summary>
[Flags]
public enum DomainSaveFlags : uint
{
    None = 0,

    /// <summary>Write (or read) the image with O_DIRECT, so saving many VMs does not evict the page cache.</summary>
    BypassCache = 1,

    /// <summary>Start the VM running on restore, whatever state was saved.</summary>
    Running = 2,

    /// <summary>Leave the VM paused on restore, whatever state was saved.</summary>
    Paused = 4,
}
