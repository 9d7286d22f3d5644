namespace LiveUpdate.Orchestrator.Engine;

/// <summary>
/// The spec given to run a stored rollout is not the spec its plan was made from. Pass the same spec file (the
/// windows, gates and limits must not change under a running rollout), or plan a new rollout.
/// </summary>
public sealed class RolloutSpecMismatchException(string rolloutId, string stored, string given)
    : Exception($"rollout '{rolloutId}' was planned from spec {stored}, but spec {given} was given; use the spec the plan was made from, or plan again");
