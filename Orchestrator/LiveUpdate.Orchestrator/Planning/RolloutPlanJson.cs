using System.Text.Json;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>Reads and writes plan files.</summary>
public static class RolloutPlanJson
{
    private static readonly PlanJsonContext Indented = new(new JsonSerializerOptions(PlanJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>The plan as JSON; indented for files people read, compact for the wire. Both hash the same.</summary>
    public static string Serialize(RolloutPlan plan, bool indented = true) =>
        JsonSerializer.Serialize(plan, indented ? Indented.RolloutPlan : PlanJsonContext.Default.RolloutPlan);

    /// <summary>Reads a plan and checks that its content still matches its hash.</summary>
    /// <exception cref="PlanFormatException">The text is not a plan, or the plan was edited after it was made.</exception>
    public static RolloutPlan Deserialize(string json)
    {
        RolloutPlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize(json, PlanJsonContext.Default.RolloutPlan);
        }
        catch (JsonException ex)
        {
            throw new PlanFormatException($"not a rollout plan: {ex.Message}", ex);
        }

        if (plan is null || plan.Format != RolloutPlan.CurrentFormat)
        {
            throw new PlanFormatException($"not a rollout plan of format '{RolloutPlan.CurrentFormat}'; plan again with this version");
        }

        if (!PlanHasher.Verify(plan))
        {
            throw new PlanFormatException($"plan '{plan.RolloutName}' does not match its content hash {plan.ContentHash}; it was edited after planning. Plan again.");
        }

        return plan;
    }
}
