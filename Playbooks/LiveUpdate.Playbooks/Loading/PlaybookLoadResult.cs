using System.Diagnostics.CodeAnalysis;

namespace LiveUpdate.Playbooks;

/// <summary>Either a fully valid playbook, or every error found and no playbook at all.</summary>
public sealed class PlaybookLoadResult
{
    internal PlaybookLoadResult(Playbook? playbook, IReadOnlyList<PlaybookError> errors)
    {
        Playbook = playbook;
        Errors = errors;
    }

    public Playbook? Playbook { get; }

    public IReadOnlyList<PlaybookError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Playbook))]
    public bool Succeeded => Playbook is not null;

    /// <summary>The playbook, or a <see cref="PlaybookInvalidException"/> listing every error.</summary>
    public Playbook GetPlaybookOrThrow() => Playbook ?? throw new PlaybookInvalidException(Errors);
}
