using LiveUpdate.Agent.Faults;
using LiveUpdate.Agent.Journal;

namespace LiveUpdate.Agent.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData("StepStarted:suspend", JournalRecordType.StepStarted, "suspend")]
    [InlineData("StepCompleted:save", JournalRecordType.StepCompleted, "save")]
    [InlineData("StateChanged:HandingOver", JournalRecordType.StateChanged, "HandingOver")]
    public void Parse_RecordTypeAndSubject_ReturnsThePoint(string text, JournalRecordType type, string subject) =>
        Assert.Equal(new FaultPoint(type, subject), FaultPoint.Parse(text));

    [Theory]
    [InlineData("suspend")]
    [InlineData("StepBegun:suspend")]
    [InlineData("StepStarted:")]
    [InlineData(":suspend")]
    [InlineData("42:suspend")]
    public void Parse_Malformed_RefusedWithTheExpectedForm(string text)
    {
        var refused = Assert.Throws<FaultInjectionRefusedException>(() => FaultPoint.Parse(text));

        Assert.Contains("RecordType:subject", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_Unset_NoFaultAndSandboxNotAsked()
    {
        var fault = FaultInjection.FromEnvironment(_ => null, () => throw new InvalidOperationException("asked"));

        Assert.Null(fault);
    }

    [Fact]
    public void FromEnvironment_SetOnARealHost_RefusedNamingTheVariable()
    {
        var refused = Assert.Throws<FaultInjectionRefusedException>(() =>
            FaultInjection.FromEnvironment(v => v == FaultInjection.Variable ? "StepStarted:suspend" : null, () => false));

        Assert.Contains(FaultInjection.Variable, refused.Message, StringComparison.Ordinal);
        Assert.Contains("--sandbox", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_SetInASandbox_ArmsThePoint()
    {
        var fault = FaultInjection.FromEnvironment(v => v == FaultInjection.Variable ? "StepCompleted:save" : null, () => true);

        Assert.Equal(new FaultPoint(JournalRecordType.StepCompleted, "save"), fault?.Point);
    }

    [Fact]
    public void AfterWritten_OnlyTheMatchingRecord_Kills()
    {
        var kills = new List<long>();
        var fault = new FaultInjection(FaultPoint.Parse("StateChanged:HandingOver"), () => kills.Add(1));

        fault.AfterWritten(Record(JournalRecordType.StateChanged, state: "Executing"));
        fault.AfterWritten(Record(JournalRecordType.StepStarted, step: "HandingOver"));
        fault.AfterWritten(Record(JournalRecordType.StateChanged, state: "HandingOver"));

        Assert.Single(kills);
    }

    private static JournalRecord Record(JournalRecordType type, string? step = null, string? state = null) => new()
    {
        Sequence = 1,
        UpdateId = "u",
        Type = type,
        At = DateTimeOffset.UnixEpoch,
        BootId = "b",
        StepId = step,
        State = state,
    };
}
