namespace LiveUpdate.Kernel.Layout;

/// <summary>Either a plan, or every reason there is none (all gathered, not just the first).</summary>
public sealed record LayoutPlanResult(LayoutPlan? Plan, IReadOnlyList<LayoutError> Errors)
{
    public bool Succeeded => Plan is not null && Errors.Count == 0;
}
