using System.Globalization;
using LiveUpdate.Host.Cpu;

namespace LiveUpdate.Agent.Steps.OnlineCpus;

/// <summary>
/// Brings every present, hotpluggable CPU online: in the new kernel this retires the old one; as a
/// compensation it leaves a rolled-back host with all CPUs online. Onlining an online CPU is a no-op.
/// </summary>
internal sealed class OnlineCpusStep : IHostStep
{
    public string Kind => "online-cpus";

    public async Task<StepOutcome> RunAsync(StepContext context, CancellationToken ct)
    {
        var (topology, reading) = await context.TimeExternalAsync(() => context.Host.Cpus.GetTopologyAsync(ct)).ConfigureAwait(false);
        var offline = topology.Cpus.Where(c => !c.Online && c.Hotpluggable).Select(c => c.Id).ToList();
        var external = reading;
        foreach (var cpu in offline)
        {
            try
            {
                var (_, elapsed) = await context.TimeExternalAsync(() => context.Host.Cpus.SetOnlineAsync(cpu, online: true, ct)).ConfigureAwait(false);
                external += elapsed;
            }
            catch (CpuHotplugException e)
            {
                throw new StepFailedException(context.Step.Id, e.Message, retryable: e.Retryable);
            }
        }

        return StepOutcome.With(external, ("onlined", string.Join(",", offline.Select(c => c.ToString(CultureInfo.InvariantCulture)))));
    }
}
