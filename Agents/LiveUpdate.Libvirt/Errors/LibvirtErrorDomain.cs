namespace LiveUpdate.Libvirt;

/// <summary>
/// Mirrors libvirt's <c>virErrorDomain</c>: which part of libvirt raised the error. Only the parts this
/// project meets are named; any other value is still carried through as its number.
/// </summary>
public enum LibvirtErrorDomain
{
    None = 0,
    Xml = 5,
    Dom = 6,
    Rpc = 7,
    Conf = 9,
    Qemu = 10,
    Test = 12,
    Remote = 13,
    Storage = 18,
    Domain = 20,
    Security = 24,
    Cpu = 31,
    Uri = 45,
    Auth = 46,
    Device = 49,
    Cgroup = 54,
    Access = 55,
}
