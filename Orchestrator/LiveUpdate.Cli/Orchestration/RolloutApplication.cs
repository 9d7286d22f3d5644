using LiveUpdate.Cli.Progress;
using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Planning;
using LiveUpdate.Orchestrator.Rollout;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Cli.Orchestration;

/// <summary>The outcome of `apply`: the rollout it ran and how it ended, or why it refused to start.</summary>
internal sealed record ApplyOutcome(string? RolloutId, RolloutState? State, IReadOnlyList<string> Refusals)
{
    public bool Succeeded => Refusals.Count == 0 && State == RolloutState.Completed;
}

/// <summary>
/// Applies a plan exactly: re-gathers the facts, re-plans, and refuses (listing every difference)
/// unless the result hashes to the same plan; refuses while another rollout is unfinished; then stores
/// the rollout and runs it with progress.
/// </summary>
internal static class RolloutApplication
{
    public static async Task<ApplyOutcome> ApplyAsync(RolloutInputs inputs, RolloutPlan saved, OrchestratorSession session, TextWriter output, CancellationToken ct)
    {
        var running = session.Store.ListRollouts().FirstOrDefault(r => !RolloutStateMachine.IsFinal(r.State));
        if (running is not null)
        {
            return Refused($"rollout {running.Id} is still {running.State}; finish it (`liveupdate resume`) or stop it (`liveupdate abort {running.Id}`) first");
        }

        var fresh = FleetFacts.Plan(inputs, await FleetFacts.GatherAsync(inputs, session.Agents, ct).ConfigureAwait(false));
        if (fresh.ContentHash != saved.ContentHash)
        {
            var diff = PlanDiff.Compare(saved, fresh);
            return new ApplyOutcome(null, null, [
                $"the plan is stale: the inputs or the hosts changed since it was made (plan {saved.ContentHash[..12]}, now {fresh.ContentHash[..12]})",
                .. diff.Changes.Select(c => $"  {c.Kind} {c.Subject}: {c.Detail}"),
                "run `liveupdate plan` again and review the new plan"]);
        }

        var artifacts = new RolloutArtifacts(inputs.PlaybookText, PlaybookDigest.Compute(inputs.PlaybookText), new Dictionary<string, string> { [inputs.Bundle.Digest] = inputs.Bundle.Directory });
        var id = Rollouts.Create(session.Store, saved, inputs.Spec, artifacts, TimeProvider.System.GetUtcNow());
        output.WriteLine($"rollout {id}: applying plan {saved.ContentHash[..12]} to {saved.Waves.Sum(w => w.Hosts.Count)} hosts in {saved.Waves.Count} waves");
        var state = await RunAsync(session, id, inputs, output, ct).ConfigureAwait(false);
        return new ApplyOutcome(id, state, []);
    }

    /// <summary>Runs (or resumes) a stored rollout to its end, showing progress.</summary>
    public static async Task<RolloutState> RunAsync(OrchestratorSession session, string id, RolloutInputs inputs, TextWriter output, CancellationToken ct)
    {
        var engine = session.Engine(TimeSpan.FromMilliseconds(250));
        await using var view = RolloutProgress.For(output);
        return await RolloutProgress.FollowAsync(session.Store, id, engine.RunAsync(id, inputs.Spec, ct), view, TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
    }

    private static ApplyOutcome Refused(string reason) => new(null, null, [reason]);
}
