using LiveUpdate.Agent.Journal;

namespace LiveUpdate.Agent.Faults;

/// <summary>
/// A journal boundary to crash at, written "Type:subject": the subject is the step id for step
/// and compensation records (<c>StepStarted:suspend</c>, <c>StepCompleted:save</c>) and the new
/// state for state changes (<c>StateChanged:HandingOver</c>).
/// </summary>
public sealed record FaultPoint(JournalRecordType Type, string Subject)
{
    public static FaultPoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1 || !Enum.TryParse<JournalRecordType>(text[..colon], out var type) || !Enum.IsDefined(type))
        {
            throw new FaultInjectionRefusedException(
                $"{FaultInjection.Variable}='{text}' is not a fault point; write it as RecordType:subject, " +
                $"e.g. StepStarted:suspend, StepCompleted:save or StateChanged:HandingOver (record types: {string.Join(", ", Enum.GetNames<JournalRecordType>())})");
        }

        return new FaultPoint(type, text[(colon + 1)..]);
    }

    public bool Matches(JournalRecord record) =>
        record.Type == Type && (Type == JournalRecordType.StateChanged ? record.State : record.StepId) == Subject;

    public override string ToString() => $"{Type}:{Subject}";
}
