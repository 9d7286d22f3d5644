namespace LiveUpdate.Playbooks;

/// <summary>
/// A validated live-update procedure. Only <see cref="PlaybookLoader"/> creates one, and only when the
/// file had no errors, so every invariant below holds: step ids are unique, the point of no return is
/// the single <c>handover</c> step, old-kernel steps come before it and new-kernel steps after it, and
/// each compensation undoes a step before it.
/// </summary>
public sealed class Playbook
{
    private readonly int _pointOfNoReturnIndex;

    internal Playbook(
        string name,
        string description,
        HandoverDriverKind handover,
        PreservationMethod preservation,
        IReadOnlyList<PlaybookStep> steps,
        string pointOfNoReturn,
        IReadOnlyList<PlaybookCompensation> compensations,
        string source,
        string sourceText)
    {
        Name = name;
        Description = description;
        Handover = handover;
        Preservation = preservation;
        Steps = steps;
        PointOfNoReturn = pointOfNoReturn;
        Compensations = compensations;
        Source = source;
        SourceText = sourceText;
        _pointOfNoReturnIndex = steps.ToList().FindIndex(s => s.Id == pointOfNoReturn);
    }

    public string Name { get; }

    public string Description { get; }

    public HandoverDriverKind Handover { get; }

    public PreservationMethod Preservation { get; }

    public IReadOnlyList<PlaybookStep> Steps { get; }

    /// <summary>The id of the <c>handover</c> step; once it has run, the old kernel is gone.</summary>
    public string PointOfNoReturn { get; }

    public IReadOnlyList<PlaybookCompensation> Compensations { get; }

    /// <summary>The file name (or source name) the playbook was loaded from.</summary>
    public string Source { get; }

    /// <summary>The exact text the playbook was loaded from; <see cref="PlaybookDigest"/> hashes it.</summary>
    internal string SourceText { get; }

    public PlaybookStep PointOfNoReturnStep => Steps[_pointOfNoReturnIndex];

    /// <summary>The steps that run in the old kernel, before the handover step (which is not included).</summary>
    public IReadOnlyList<PlaybookStep> StepsBeforePointOfNoReturn => [.. Steps.Take(_pointOfNoReturnIndex)];

    /// <summary>The steps that run in the new kernel, after the handover step (which is not included).</summary>
    public IReadOnlyList<PlaybookStep> StepsAfterPointOfNoReturn => [.. Steps.Skip(_pointOfNoReturnIndex + 1)];

    /// <summary>The compensation that undoes <paramref name="stepId"/>, or null when the step needs none.</summary>
    public PlaybookCompensation? CompensationFor(string stepId) =>
        Compensations.FirstOrDefault(c => c.For == stepId);

    public override string ToString() => $"{Name} ({Source})";
}
