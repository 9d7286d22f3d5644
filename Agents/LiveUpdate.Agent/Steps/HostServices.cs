using LiveUpdate.Agent.Vms;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Roots;

namespace LiveUpdate.Agent.Steps;

/// <summary>The host drivers the steps act through; each real one is rooted at <see cref="Root"/>.</summary>
public sealed record HostServices(
    HostRoot Root,
    ICpuHotplug Cpus,
    IHandoverDriver Handover,
    IVirtualMachines Vms,
    IHostFacts Facts,
    string? BundleTrustKey);
