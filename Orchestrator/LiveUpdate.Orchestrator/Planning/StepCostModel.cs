namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// The planner's prediction of how long a step takes: a fixed cost per step kind, plus a cost per GiB of VM memory
/// for the steps that copy guest memory (save-vms, restore-vms), plus a cost per VM for the steps that touch each
/// VM (suspend, resume, save, restore). The figures are deliberately round and on the slow side of what the QEMU
/// lab measures; they order and size waves, they are not a promise. A kind the model does not know is predicted
/// at its full timeout, the only bound known for it.
/// </summary>
internal static class StepCostModel
{
    private const long GiB = 1L << 30;

    private static readonly Dictionary<string, (TimeSpan Fixed, TimeSpan PerGiB, TimeSpan PerVm)> Costs = new(StringComparer.Ordinal)
    {
        ["preflight"] = (TimeSpan.FromSeconds(2), TimeSpan.Zero, TimeSpan.Zero),
        ["verify-bundle"] = (TimeSpan.FromSeconds(2), TimeSpan.Zero, TimeSpan.Zero),
        ["load-kernel"] = (TimeSpan.FromSeconds(3), TimeSpan.Zero, TimeSpan.Zero),
        ["unload-kernel"] = (TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.Zero),
        ["suspend-vms"] = (TimeSpan.FromMilliseconds(500), TimeSpan.Zero, TimeSpan.FromMilliseconds(50)),
        ["save-vms"] = (TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100)),
        ["offline-cpu"] = (TimeSpan.FromMilliseconds(500), TimeSpan.Zero, TimeSpan.Zero),
        ["handover"] = (TimeSpan.FromSeconds(8), TimeSpan.Zero, TimeSpan.Zero),
        ["online-cpus"] = (TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.Zero),
        ["restore-vms"] = (TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(150)),
        ["resume-vms"] = (TimeSpan.FromMilliseconds(500), TimeSpan.Zero, TimeSpan.FromMilliseconds(50)),
        ["verify"] = (TimeSpan.FromSeconds(3), TimeSpan.Zero, TimeSpan.Zero),
    };

    /// <summary>The cost terms of a step, looked up once per plan rather than once per host.</summary>
    public static StepCost CostOf(PlannedStepTemplate step) => Costs.TryGetValue(step.Kind, out var cost)
        ? new StepCost(cost.Fixed.Ticks, cost.PerGiB.Ticks, cost.PerVm.Ticks)
        : new StepCost(step.Timeout.Ticks, 0, 0);

    public static TimeSpan Predict(PlannedStepTemplate step, int vmCount, long vmMemoryBytes) =>
        Predict(CostOf(step), vmCount, vmMemoryBytes);

    public static TimeSpan Predict(StepCost cost, int vmCount, long vmMemoryBytes)
    {
        var memoryTicks = (long)((Int128)Math.Max(0, vmMemoryBytes) * cost.PerGiBTicks / GiB);
        var ticks = cost.FixedTicks + memoryTicks + (Math.Max(0, vmCount) * cost.PerVmTicks);

        // Whole milliseconds keep the plan readable and its JSON free of sub-millisecond noise.
        return TimeSpan.FromTicks(ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
    }
}

/// <summary>A step's cost terms in ticks.</summary>
internal readonly record struct StepCost(long FixedTicks, long PerGiBTicks, long PerVmTicks);
