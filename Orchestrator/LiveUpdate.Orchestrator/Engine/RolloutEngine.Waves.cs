using System.Diagnostics;
using LiveUpdate.Orchestrator.Store;
using LiveUpdate.Orchestrator.Telemetry;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>
/// Wave spans, so a trace reads rollout → wave → host → step: a wave's span opens when its first host starts and
/// ends once every host of the wave has ended and no worker of it is left, or when the run stops.
/// </summary>
public sealed partial class RolloutEngine
{
    private readonly Dictionary<int, Activity> _waveSpans = [];

    /// <summary>The context a host of <paramref name="wave"/> opens its span under: the wave's span, started now if it is the wave's first host.</summary>
    private ActivityContext WaveTrace(ActivityContext rollout, int wave)
    {
        if (_waveSpans.TryGetValue(wave, out var open))
        {
            return open.Context;
        }

        // Without a listener there is no span: the host's span (if any) goes straight under the rollout's.
        if (OrchestratorTelemetry.StartWave(rollout, wave) is not { } started)
        {
            return rollout;
        }

        _waveSpans[wave] = started;
        return started.Context;
    }

    private void EndFinishedWaves(IReadOnlyList<HostRecord> hosts)
    {
        foreach (var wave in _waveSpans.Keys.Where(w => !hosts.Any(h => h.Wave == w && (!h.Phase.IsEnded() || _workers.ContainsKey(h.Host)))).ToList())
        {
            EndWave(wave);
        }
    }

    private void EndAllWaves()
    {
        foreach (var wave in _waveSpans.Keys.ToList())
        {
            EndWave(wave);
        }
    }

    private void EndWave(int wave)
    {
        if (_waveSpans.Remove(wave, out var span))
        {
            OrchestratorTelemetry.EndWave(span);
        }
    }
}
