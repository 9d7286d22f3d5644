namespace LiveUpdate.Playbooks;

/// <summary>Where VM state is kept across the kernel switch (the playbook's <c>preservation</c> key).</summary>
public enum PreservationMethod
{
    /// <summary><c>pmem-save</c>: libvirt saves each VM into a DAX filesystem on persistent memory.</summary>
    PmemSave,

    /// <summary><c>pmem-shared-memory</c>: guest RAM is already a shared file on PMEM; only device state is written.</summary>
    PmemSharedMemory,

    /// <summary><c>disk-save</c>: libvirt saves each VM to an ordinary filesystem; slower, but needs no PMEM.</summary>
    DiskSave,
}
