using System.Globalization;
using LiveUpdate.Host.Handover;

namespace LiveUpdate.Agent.Steps.Handover;

/// <summary>
/// The point of no return: starts the loaded kernel. On success this never returns — the agent that
/// continues is a new process in the new kernel, reading the journal. If it does return, the old
/// kernel still runs and the runner compensates.
/// </summary>
internal sealed class HandoverStep : IHostStep
{
    public string Kind => "handover";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var cpu = context.DataOfKind("offline-cpu")?.GetValueOrDefault(StepData.Cpu);
        int? target = cpu is null ? null : int.Parse(cpu, CultureInfo.InvariantCulture);
        try
        {
            await context.Handover.HandOverAsync(target, ct).ConfigureAwait(false);
        }
        catch (HandoverRefusedException e)
        {
            throw new StepFailedException(context.Step.Id, e.Message);
        }

        throw new StepFailedException(context.Step.Id, "the handover returned: the old kernel is still running", hint: "see the kernel log of this host");
    }
}
