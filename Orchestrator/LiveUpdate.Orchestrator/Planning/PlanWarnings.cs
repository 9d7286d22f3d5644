using LiveUpdate.Playbooks;
using System.Globalization;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// Collects plan warnings, folding per-host repeats into one line per step so a 100,000-host plan stays readable.
/// </summary>
internal sealed class PlanWarnings
{
    private readonly List<string> _general = [];
    private readonly SortedDictionary<string, (PlannedStepTemplate Step, TimeSpan Worst, string WorstHost, int Hosts)> _overTimeout =
        new(StringComparer.Ordinal);

    public void Add(string warning) => _general.Add(warning);

    public void StepOverTimeout(PlannedStepTemplate step, TimeSpan predicted, string host)
    {
        var entry = _overTimeout.TryGetValue(step.Id, out var known) ? known : (Step: step, Worst: TimeSpan.Zero, WorstHost: host, Hosts: 0);
        entry.Hosts++;
        if (predicted > entry.Worst)
        {
            entry.Worst = predicted;
            entry.WorstHost = host;
        }

        _overTimeout[step.Id] = entry;
    }

    public List<string> ToList()
    {
        var all = new List<string>(_general);
        foreach (var (id, entry) in _overTimeout)
        {
            all.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"step '{id}' is predicted to exceed its timeout {PlaybookDuration.Format(entry.Step.Timeout)} on {entry.Hosts} host(s), "
                + $"worst {entry.WorstHost} at {PlaybookDuration.Format(entry.Worst)}; raise the timeout or expect failures"));
        }

        return all;
    }
}
