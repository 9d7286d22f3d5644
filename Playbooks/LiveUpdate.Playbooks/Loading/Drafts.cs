using LiveUpdate.Playbooks.Loading.Yaml;

namespace LiveUpdate.Playbooks.Loading;

// What the readers extracted, with the positions the cross-step rules need for their messages.
// A null field means the reader already reported why it is missing.

internal sealed record StepBody(
    StepKindDefinition? Definition,
    TextPosition KindPosition,
    TimeSpan? Timeout,
    IReadOnlyDictionary<string, string> Parameters);

internal sealed record StepDraft(string? Id, TextPosition IdPosition, StepBody Body, TextPosition Position);

internal sealed record CompensationDraft(string? For, TextPosition ForPosition, StepBody Body, TextPosition Position);

internal sealed record PlaybookDraft(
    string? Name,
    string Description,
    HandoverDriverKind? Handover,
    PreservationMethod? Preservation,
    YamlScalar? PointOfNoReturn,
    IReadOnlyList<StepDraft> Steps,
    IReadOnlyList<CompensationDraft> Compensations);
