namespace LiveUpdate.Orchestrator.Planning;

/// <summary>What the planner needs to know about a playbook: its identity and its steps.</summary>
/// <param name="Digest">Content digest of the playbook file; a plan is stale when it changes.</param>
/// <param name="Handover">The handover driver the playbook uses (kexec, multikernel, luo).</param>
public sealed record PlaybookSummary(string Name, string Digest, string Handover, IReadOnlyList<PlannedStepTemplate> Steps);
