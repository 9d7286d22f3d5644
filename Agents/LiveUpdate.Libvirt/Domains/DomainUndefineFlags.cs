namespace LiveUpdate.Libvirt;

/// <summary>Mirrors the common values of libvirt's <c>virDomainUndefineFlagsValues</c>.</summary>
[Flags]
public enum DomainUndefineFlags : uint
{
    None = 0,

    /// <summary>Also remove a managed-save image; without it libvirt refuses to undefine such a VM.</summary>
    ManagedSave = 1,
    SnapshotsMetadata = 2,
    Nvram = 4,
    KeepNvram = 8,
    CheckpointsMetadata = 16,
    Tpm = 32,
    KeepTpm = 64,
}
