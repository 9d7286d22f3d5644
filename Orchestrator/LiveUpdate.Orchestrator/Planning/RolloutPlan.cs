namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// The output of a dry run and the input of apply: the same inputs always give the same plan, byte for byte.
/// </summary>
/// <param name="PredictedMakespan">All waves plus the settle time between them; maintenance windows not included.</param>
/// <param name="ContentHash">SHA-256 over the canonical JSON of everything above it (see <see cref="PlanHasher"/>).</param>
public sealed record RolloutPlan(
    string Format,
    string RolloutName,
    PlanInputHashes Inputs,
    PlanLimits Limits,
    IReadOnlyList<PlannedStepTemplate> StepTemplates,
    IReadOnlyList<PlannedWave> Waves,
    IReadOnlyList<ExcludedHost> Excluded,
    IReadOnlyList<string> Warnings,
    TimeSpan PredictedMakespan,
    string ContentHash)
{
    public const string CurrentFormat = "liveupdate.dev/v1/plan";
}
