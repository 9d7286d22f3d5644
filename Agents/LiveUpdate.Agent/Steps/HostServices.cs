using LiveUpdate.Agent.Vms;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Roots;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Steps;

/// <summary>
/// The host drivers the steps act through; each real one is rooted at <see cref="Root"/>. The
/// handover driver depends on the playbook (kexec or multikernel), so it is chosen per update.
/// </summary>
public sealed record HostServices(
    HostRoot Root,
    ICpuHotplug Cpus,
    Func<HandoverDriverKind, IHandoverDriver> HandoverFor,
    IVirtualMachines Vms,
    IHostFacts Facts,
    string? BundleTrustKey);
