namespace LiveUpdate.Agent.Preflight;

/// <summary>One reason a host is not ready for a playbook, and how to fix it.</summary>
public sealed record PreflightReason(string Code, string Message, string? Fix);

/// <summary>Whether one playbook can run on this host now, with every reason when not.</summary>
public sealed record PlaybookReadiness(string Playbook, bool Ready, IReadOnlyList<PreflightReason> Reasons);

/// <summary>Whether one VM's state can be preserved across the switch.</summary>
public sealed record VmPreservability(string Name, ulong MemoryBytes, bool Preservable, string? Reason);
