namespace LiveUpdate.Orchestrator.Engine.Gates;

/// <summary>A gate's verdict and what it saw, for the event log.</summary>
public sealed record GateResult(bool Passed, string Detail)
{
    public static GateResult Pass(string detail) => new(true, detail);

    public static GateResult Fail(string detail) => new(false, detail);
}
