namespace LiveUpdate.Orchestrator.Specs;

/// <summary>Errors make a file unusable; warnings are printed but the file loads.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
