namespace LiveUpdate.Agent.Preflight;

/// <summary>One reason a host is not ready for a playbook (or a note about it), and how to fix it.</summary>
/// <param name="Code">A stable kebab-case code from <see cref="PreflightCodes"/>, for scripts and dashboards.</param>
public sealed record PreflightReason(string Code, string Message, string? Fix);
