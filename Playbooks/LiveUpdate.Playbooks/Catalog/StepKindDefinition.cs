namespace LiveUpdate.Playbooks;

/// <summary>What a step kind means, where it may appear and which parameters it takes.</summary>
public sealed class StepKindDefinition
{
    internal StepKindDefinition(
        string name,
        StepKernel kernel,
        string description,
        bool allowedAsStep,
        bool allowedAsCompensation,
        IReadOnlyList<StepParameterDefinition> parameters)
    {
        Name = name;
        Kernel = kernel;
        Description = description;
        AllowedAsStep = allowedAsStep;
        AllowedAsCompensation = allowedAsCompensation;
        Parameters = parameters;
    }

    public string Name { get; }

    public StepKernel Kernel { get; }

    public string Description { get; }

    /// <summary>False for kinds that only make sense as a compensation (such as <c>unload-kernel</c>).</summary>
    public bool AllowedAsStep { get; }

    public bool AllowedAsCompensation { get; }

    public IReadOnlyList<StepParameterDefinition> Parameters { get; }

    public StepParameterDefinition? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name);

    public override string ToString() => Name;
}
