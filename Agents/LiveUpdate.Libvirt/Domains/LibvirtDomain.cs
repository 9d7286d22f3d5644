using LiveUpdate.Libvirt.Interop;

namespace LiveUpdate.Libvirt;

/// <summary>
/// One libvirt domain (VM). Holds a reference on the native object, so dispose it when done; the
/// connection stays open underneath until the last domain is disposed. Safe to use from several threads,
/// like the connection it came from. Every failed call throws <see cref="LibvirtException"/>.
/// </summary>
public sealed class LibvirtDomain : IDisposable
{
    private readonly DomainHandle handle;
    private string? name;

    internal LibvirtDomain(DomainHandle handle)
    {
        this.handle = handle;
    }

    public string Name => name ??= LibvirtException.ThrowIfNull(NativeMethods.virDomainGetName(handle));

    public Guid Uuid
    {
        get
        {
            Span<byte> bytes = stackalloc byte[16];
            LibvirtException.ThrowIfFailed(NativeMethods.virDomainGetUUID(handle, bytes));

            // libvirt stores UUIDs in RFC 4122 byte order.
            return new Guid(bytes, bigEndian: true);
        }
    }

    /// <summary>The hypervisor's id of a running domain; null while it is not running.</summary>
    public int? Id
    {
        get
        {
            var id = NativeMethods.virDomainGetID(handle);
            return id == uint.MaxValue ? null : (int)id;
        }
    }

    public bool IsActive => ReadBool(NativeMethods.virDomainIsActive(handle));

    public bool IsPersistent => ReadBool(NativeMethods.virDomainIsPersistent(handle));

    public bool HasManagedSave => ReadBool(NativeMethods.virDomainHasManagedSaveImage(handle, 0));

    /// <summary>The state and libvirt's reason code for it (the reason's meaning depends on the state).</summary>
    public (DomainState State, int Reason) GetState()
    {
        LibvirtException.ThrowIfFailed(NativeMethods.virDomainGetState(handle, out var state, out var reason, 0));
        return ((DomainState)state, reason);
    }

    public DomainInfo GetInfo()
    {
        LibvirtException.ThrowIfFailed(NativeMethods.virDomainGetInfo(handle, out var info));
        return new DomainInfo(
            (DomainState)info.State,
            info.MaxMem.Value,
            info.Memory.Value,
            info.NrVirtCpu,
            TimeSpan.FromTicks((long)(info.CpuTime / 100)));
    }

    public string GetXmlDesc(DomainXmlFlags flags = DomainXmlFlags.None) =>
        LibvirtException.ThrowIfNull(NativeMethods.virDomainGetXMLDesc(handle, (uint)flags));

    /// <summary>Pauses the vCPUs; memory stays allocated. Fails with OperationInvalid (InternalError on the test driver) if the VM is not running.</summary>
    public void Suspend() => LibvirtException.ThrowIfFailed(NativeMethods.virDomainSuspend(handle));

    /// <summary>Resumes a paused VM. Fails with OperationInvalid (or InternalError on the test driver) if it is not paused.</summary>
    public void Resume() => LibvirtException.ThrowIfFailed(NativeMethods.virDomainResume(handle));

    /// <summary>Saves the VM's state to <paramref name="path"/> and stops it; <paramref name="xml"/> optionally replaces its definition in the image.</summary>
    public void Save(string path, string? xml = null, DomainSaveFlags flags = DomainSaveFlags.None) =>
        LibvirtException.ThrowIfFailed(NativeMethods.virDomainSaveFlags(handle, path, xml, (uint)flags));

    /// <summary>Saves to libvirt's own managed location; the next <see cref="Create"/> restores from it.</summary>
    public void ManagedSave(DomainSaveFlags flags = DomainSaveFlags.None) =>
        LibvirtException.ThrowIfFailed(NativeMethods.virDomainManagedSave(handle, (uint)flags));

    public void ManagedSaveRemove() =>
        LibvirtException.ThrowIfFailed(NativeMethods.virDomainManagedSaveRemove(handle, 0));

    /// <summary>Starts a defined VM (from its managed-save image when there is one).</summary>
    public void Create() => LibvirtException.ThrowIfFailed(NativeMethods.virDomainCreate(handle));

    /// <summary>Stops the VM immediately, like pulling the power cord.</summary>
    public void Destroy() => LibvirtException.ThrowIfFailed(NativeMethods.virDomainDestroy(handle));

    public void Undefine(DomainUndefineFlags flags = DomainUndefineFlags.None) =>
        LibvirtException.ThrowIfFailed(NativeMethods.virDomainUndefineFlags(handle, (uint)flags));

    public void Dispose() => handle.Dispose();

    public override string ToString() => handle.IsClosed ? "(disposed domain)" : Name;

    private static bool ReadBool(int rc)
    {
        LibvirtException.ThrowIfFailed(rc);
        return rc == 1;
    }
}
