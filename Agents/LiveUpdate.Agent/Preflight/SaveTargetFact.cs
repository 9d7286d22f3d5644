namespace LiveUpdate.Agent.Preflight;

/// <summary>Where a playbook's save-vms step writes VM state, and what is under that directory now.</summary>
/// <param name="Path">The step's <c>target</c>, a host path; it need not exist yet (the step creates it).</param>
/// <param name="Mount">The mount holding it; null when the mount table could not be read.</param>
/// <param name="FreeBytes">Free bytes for an unprivileged writer at its nearest existing directory; null when unknown.</param>
public sealed record SaveTargetFact(string Path, HostMount? Mount, ulong? FreeBytes);
