namespace LiveUpdate.Orchestrator.Planning;

/// <summary>One playbook step as the planner sees it.</summary>
/// <param name="Kind">The step kind from the playbook catalogue (e.g. suspend-vms, save-vms, handover).</param>
/// <param name="InBlackout">True while the host's VMs are paused: from suspend to resume.</param>
/// <param name="IsPointOfNoReturn">True for the step after which the old kernel is gone.</param>
public sealed record PlannedStepTemplate(string Id, string Kind, TimeSpan Timeout, bool InBlackout, bool IsPointOfNoReturn);
