using LiveUpdate.Agent.Steps;

namespace LiveUpdate.Agent.Runner;

/// <summary>The step implementations by playbook kind.</summary>
public sealed class StepCatalog
{
    private readonly Dictionary<string, IHostStep> _steps;

    public StepCatalog(IEnumerable<IHostStep> steps)
    {
        _steps = steps.ToDictionary(s => s.Kind, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Kinds => _steps.Keys;

    public IHostStep Get(string kind) => _steps.TryGetValue(kind, out var step)
        ? step
        : throw new StepFailedException(kind, $"this agent has no implementation of step kind '{kind}'", hint: "upgrade the agent or use a playbook it supports");
}
