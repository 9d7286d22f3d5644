namespace LiveUpdate.Playbooks;

/// <summary>
/// Which kernel a step kind runs in when used as a step. Compensations always run in the old kernel,
/// because they only undo work done before the point of no return.
/// </summary>
public enum StepKernel
{
    /// <summary>Before the point of no return.</summary>
    Old,

    /// <summary>After the point of no return.</summary>
    New,

    /// <summary>On either side of the point of no return.</summary>
    Either,

    /// <summary>Starts in the old kernel and finishes in the new one: the point of no return itself.</summary>
    Switch,
}
