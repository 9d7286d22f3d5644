namespace LiveUpdate.Orchestrator.Planning;

/// <summary>One step of one host, with the time the cost model predicts for it.</summary>
public sealed record PlannedStep(string Id, string Kind, TimeSpan Predicted);
