using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>Collects located diagnostics while a loader walks a YAML document, so all errors surface in one run.</summary>
internal sealed class DiagnosticBag(string source)
{
    private readonly List<LoadDiagnostic> _items = [];

    public string Source { get; } = source;

    public IReadOnlyList<LoadDiagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(YamlNode node, string message) => Error(node.Start, message);

    public void Error(Mark at, string message) => Add(at, DiagnosticSeverity.Error, message);

    public void Warning(YamlNode node, string message) => Add(node.Start, DiagnosticSeverity.Warning, message);

    private void Add(Mark at, DiagnosticSeverity severity, string message) =>
        _items.Add(new LoadDiagnostic(Source, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), severity, message));
}
