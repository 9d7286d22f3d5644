using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Runner;

namespace LiveUpdate.Agent.Steps;

/// <summary>What a step may use: the plan, its own parameters, what earlier steps did, and the host.</summary>
public sealed record StepContext
{
    public required UpdatePlan Plan { get; init; }

    public required StepSpec Step { get; init; }

    public required LiveUpdate.Playbooks.Playbook Playbook { get; init; }

    /// <summary>The update's journal history as it stood when this step began.</summary>
    public required UpdateHistory History { get; init; }

    public required HostServices Host { get; init; }

    /// <summary>The handover driver this update's playbook names.</summary>
    public LiveUpdate.Host.Handover.IHandoverDriver Handover => Host.HandoverFor(Playbook.Handover);

    public required TimeProvider Time { get; init; }

    /// <summary>What <see cref="IHostStep.IntendAsync"/> decided and the journal holds; empty while intending.</summary>
    public IReadOnlyDictionary<string, string> Intent { get; init; } = StepIntent.None.Data;

    /// <summary>The data of the most recent step of a kind, e.g. the VM list suspend-vms recorded.</summary>
    public IReadOnlyDictionary<string, string>? DataOfKind(string kind) =>
        History.StartedNewestFirst().FirstOrDefault(s => s.Data.TryGetValue(StepRunner.KindKey, out var k) && k == kind)?.Data;

    /// <summary>Times an external call (libvirt, kernel, handover) so the agent's own overhead can be told apart.</summary>
    public async Task<(T Result, TimeSpan Elapsed)> TimeExternalAsync<T>(Func<Task<T>> call)
    {
        var start = Time.GetTimestamp();
        var result = await call().ConfigureAwait(false);
        return (result, Time.GetElapsedTime(start));
    }
}
