using System.Globalization;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>One problem in an input file, located so an operator can jump straight to it.</summary>
/// <param name="Source">The file name as given to the loader.</param>
/// <param name="Line">1-based line of the offending node.</param>
/// <param name="Column">1-based column of the offending node.</param>
public sealed record LoadDiagnostic(string Source, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    /// <summary>The compiler-style form editors and CI logs understand: <c>file:line:column: message</c>.</summary>
    public override string ToString() => Severity == DiagnosticSeverity.Warning
        ? string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}:{Column}: warning: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}:{Column}: {Message}");
}
