using LiveUpdate.Orchestrator.AgentApi;
using LiveUpdate.Orchestrator.Engine;

namespace LiveUpdate.Orchestrator.Tests.Engine;

public sealed class AgentEventLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 18, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Message_StepEvent_ParsesBackToStepTimeAndText()
    {
        var e = new AgentEvent(7, "u1", AgentEvent.StepStarted, At, "", "save", "save-vms started", new Dictionary<string, string>(), "boot-a");

        var message = AgentEventLog.Message(e);

        Assert.True(AgentEventLog.TryParse(message, out var step, out var at));
        Assert.Equal("save", step);
        Assert.Equal(At, at);
        Assert.Equal("save-vms started", AgentEventLog.Text(message));
        Assert.Equal("agent-StepStarted", AgentEventLog.Kind(e));
    }

    [Fact]
    public void Message_StateChangeWithoutStep_KeepsTheStateOnce()
    {
        var e = new AgentEvent(8, "u1", AgentEvent.StateChanged, At, "Completed", "", "state Completed", new Dictionary<string, string>(), "boot-b");

        var message = AgentEventLog.Message(e);

        Assert.Equal("state Completed", AgentEventLog.Text(message));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(message, "Completed"));
    }
}
