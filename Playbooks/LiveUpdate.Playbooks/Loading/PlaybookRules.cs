namespace LiveUpdate.Playbooks.Loading;

/// <summary>
/// The rules that span steps: unique ids, a point of no return that is the one handover step,
/// each step on the right side of it, and compensations only for steps that can still be undone.
/// </summary>
internal static class PlaybookRules
{
    public static void Check(PlaybookDraft draft, ErrorSink errors)
    {
        CheckUniqueIds(draft.Steps, errors);
        var pointOfNoReturn = FindPointOfNoReturn(draft, errors);
        if (pointOfNoReturn >= 0)
        {
            CheckKernelSides(draft.Steps, pointOfNoReturn, errors);
        }

        CheckCompensations(draft, pointOfNoReturn, errors);
    }

    private static void CheckUniqueIds(IReadOnlyList<StepDraft> steps, ErrorSink errors)
    {
        var seen = new Dictionary<string, StepDraft>(StringComparer.Ordinal);
        foreach (var step in steps.Where(s => s.Id is not null))
        {
            if (!seen.TryAdd(step.Id!, step))
            {
                errors.Add(step.IdPosition,
                    $"duplicate step id '{step.Id}' (first used at line {seen[step.Id!].IdPosition.Line}); give each step its own id");
            }
        }
    }

    /// <summary>The index of the point-of-no-return step, or -1 after reporting why there is none.</summary>
    private static int FindPointOfNoReturn(PlaybookDraft draft, ErrorSink errors)
    {
        if (draft.PointOfNoReturn is not { } declared || draft.Steps.Count == 0)
        {
            return -1; // the missing key or the missing steps are already reported
        }

        var steps = draft.Steps.ToList();
        var index = steps.FindIndex(s => s.Id == declared.Value);
        if (index < 0)
        {
            errors.Add(declared.Position,
                $"pointOfNoReturn '{declared.Value}' names no step; it must be the id of the handover step");
            return -1;
        }

        var kind = steps[index].Body.Definition;
        if (kind is null)
        {
            return -1; // the unknown kind is already reported
        }

        if (kind.Name != StepKinds.Handover)
        {
            errors.Add(declared.Position,
                $"pointOfNoReturn '{declared.Value}' is a '{kind.Name}' step; it must name the '{StepKinds.Handover}' step, where the old kernel is left behind");
            return -1;
        }

        return index;
    }

    private static void CheckKernelSides(IReadOnlyList<StepDraft> steps, int pointOfNoReturn, ErrorSink errors)
    {
        var handoverId = steps[pointOfNoReturn].Id;
        for (var i = 0; i < steps.Count; i++)
        {
            if (i == pointOfNoReturn || steps[i].Body.Definition is not { } kind)
            {
                continue;
            }

            var position = steps[i].Body.KindPosition;
            if (kind.Kernel == StepKernel.Switch)
            {
                errors.Add(position, $"a playbook has exactly one '{StepKinds.Handover}' step, the point of no return '{handoverId}'; remove this one");
            }
            else if (i > pointOfNoReturn && kind.Kernel == StepKernel.Old)
            {
                errors.Add(position,
                    $"step '{steps[i].Id}' ({kind.Name}) runs in the old kernel but comes after the point of no return '{handoverId}'; move it before the handover");
            }
            else if (i < pointOfNoReturn && kind.Kernel == StepKernel.New)
            {
                errors.Add(position,
                    $"step '{steps[i].Id}' ({kind.Name}) runs in the new kernel but comes before the point of no return '{handoverId}'; move it after the handover");
            }
        }
    }

    private static void CheckCompensations(PlaybookDraft draft, int pointOfNoReturn, ErrorSink errors)
    {
        var steps = draft.Steps.ToList();
        var compensated = new Dictionary<string, CompensationDraft>(StringComparer.Ordinal);
        foreach (var compensation in draft.Compensations.Where(c => c.For is not null))
        {
            var target = compensation.For!;
            var index = steps.FindIndex(s => s.Id == target);
            if (index < 0)
            {
                errors.Add(compensation.ForPosition, $"compensation for unknown step '{target}'; 'for' must be the id of a step before the point of no return");
            }
            else if (pointOfNoReturn >= 0 && index >= pointOfNoReturn)
            {
                errors.Add(compensation.ForPosition,
                    $"step '{target}' is at or after the point of no return '{steps[pointOfNoReturn].Id}' and cannot be undone; compensations are only for steps before it");
            }
            else if (!compensated.TryAdd(target, compensation))
            {
                errors.Add(compensation.ForPosition,
                    $"step '{target}' already has a compensation (line {compensated[target].Position.Line}); a step has at most one");
            }
        }
    }
}
