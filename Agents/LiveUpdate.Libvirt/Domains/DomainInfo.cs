namespace LiveUpdate.Libvirt;

/// <summary>What <c>virDomainGetInfo</c> reports; memory in KiB, CPU time as consumed by all vCPUs.</summary>
public sealed record DomainInfo(DomainState State, ulong MaxMemoryKiB, ulong MemoryKiB, int VcpuCount, TimeSpan CpuTime);
