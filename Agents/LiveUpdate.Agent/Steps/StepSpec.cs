using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Steps;

/// <summary>A step or a compensation as the runner executes it: the same shape for both.</summary>
public sealed record StepSpec(string Id, string Kind, TimeSpan Timeout, IReadOnlyDictionary<string, string> Parameters)
{
    public static StepSpec From(PlaybookStep step) => new(step.Id, step.Kind, step.Timeout, step.Parameters);

    /// <summary>A compensation runs under the id of the step it undoes, prefixed so the two can be told apart.</summary>
    public static StepSpec From(PlaybookCompensation c) => new(CompensationId(c.For), c.Kind, c.Timeout, c.Parameters);

    public static string CompensationId(string stepId) => "undo:" + stepId;

    public string GetString(string name) => StepParameterValues.GetString(Parameters, Id, name);

    public int GetInt(string name) => StepParameterValues.GetInt(Parameters, Id, name);

    public bool GetBool(string name) => StepParameterValues.GetBool(Parameters, Id, name);
}
