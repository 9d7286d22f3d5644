namespace LiveUpdate.Libvirt;

/// <summary>
/// Mirrors libvirt's <c>virErrorNumber</c> for the errors the agent acts on. Values are libvirt's own,
/// so codes not named here still round-trip as numbers.
/// </summary>
public enum LibvirtErrorCode
{
    Ok = 0,
    InternalError = 1,
    NoMemory = 2,
    NoSupport = 3,
    UnknownHost = 4,
    NoConnect = 5,
    InvalidConnection = 6,
    InvalidDomain = 7,
    InvalidArgument = 8,
    OperationFailed = 9,
    XmlError = 27,
    DomainExists = 28,
    OperationDenied = 29,
    OpenFailed = 30,
    ReadFailed = 31,
    WriteFailed = 34,
    XmlDetail = 35,
    SystemError = 38,
    Rpc = 39,
    NoDomain = 42,
    AuthFailed = 45,
    OperationInvalid = 55,
    ConfigUnsupported = 67,
    OperationTimeout = 68,
    HookScriptFailed = 70,
    ArgumentUnsupported = 74,
    OperationAborted = 78,
    AuthCancelled = 79,
    OperationUnsupported = 84,
    AgentUnresponsive = 86,
}
