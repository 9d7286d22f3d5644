namespace LiveUpdate.Agent.Preflight;

/// <summary>Whether one VM's state can be preserved across the switch by one playbook.</summary>
/// <param name="Reason">Why not, when <paramref name="Preservable"/> is false.</param>
public sealed record VmPreservability(string Name, ulong MemoryBytes, bool Preservable, string? Reason);
