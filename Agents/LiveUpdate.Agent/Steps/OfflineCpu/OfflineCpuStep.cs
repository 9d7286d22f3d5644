using System.Globalization;
using LiveUpdate.Host.Cpu;

namespace LiveUpdate.Agent.Steps.OfflineCpu;

/// <summary>
/// Takes one CPU offline for the new kernel (with multikernel it boots there while the old kernel
/// runs). The CPU is journaled before the write, so compensation knows what to bring back.
/// </summary>
internal sealed class OfflineCpuStep : IHostStep
{
    public string Kind => "offline-cpu";

    public async Task<StepIntent> IntendAsync(StepContext context, CancellationToken ct)
    {
        var requested = context.Step.GetString("cpu");
        var recorded = context.History.Step(context.Step.Id)?.Data.GetValueOrDefault(StepData.Cpu);
        int cpu;
        if (recorded is not null)
        {
            cpu = int.Parse(recorded, CultureInfo.InvariantCulture);
        }
        else if (requested == "auto")
        {
            cpu = await context.Host.Cpus.ChooseCpuToOfflineAsync(ct).ConfigureAwait(false);
        }
        else if (!int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out cpu))
        {
            throw new StepFailedException(context.Step.Id, $"cpu '{requested}' is neither 'auto' nor a CPU number");
        }

        var id = cpu.ToString(CultureInfo.InvariantCulture);
        return StepIntent.Of($"offlining cpu{id}", (StepData.Cpu, id));
    }

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var cpu = int.Parse(context.Intent[StepData.Cpu], CultureInfo.InvariantCulture);
        try
        {
            var (_, elapsed) = await context.TimeExternalAsync(() => context.Host.Cpus.SetOnlineAsync(cpu, online: false, ct)).ConfigureAwait(false);
            return StepOutcome.With(elapsed);
        }
        catch (CpuHotplugException e)
        {
            throw new StepFailedException(context.Step.Id, e.Message, retryable: e.Retryable);
        }
    }
}
