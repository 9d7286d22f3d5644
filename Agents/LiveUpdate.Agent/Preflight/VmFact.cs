using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Preflight;

/// <summary>A running VM as preflight sees it: how much state a save writes, and what cannot be saved at all.</summary>
/// <param name="MemoryBytes">The VM's maximum memory: libvirt save writes all guest RAM.</param>
/// <param name="PassthroughDevices">Each <c>&lt;hostdev&gt;</c> of its definition, e.g. <c>pci 0000:06:02.0</c>.</param>
public sealed record VmFact(string Name, DomainState State, ulong MemoryBytes, IReadOnlyList<string> PassthroughDevices);
