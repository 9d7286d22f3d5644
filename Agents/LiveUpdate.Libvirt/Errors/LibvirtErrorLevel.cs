namespace LiveUpdate.Libvirt;

/// <summary>Mirrors libvirt's <c>virErrorLevel</c>.</summary>
public enum LibvirtErrorLevel
{
    None = 0,
    Warning = 1,
    Error = 2,
}
