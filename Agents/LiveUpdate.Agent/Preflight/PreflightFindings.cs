namespace LiveUpdate.Agent.Preflight;

/// <summary>Collects what the checks of one playbook find: every blocking reason, and the notes.</summary>
internal sealed class PreflightFindings
{
    private readonly List<PreflightReason> _reasons = [];
    private readonly List<PreflightReason> _notes = [];

    public IReadOnlyList<PreflightReason> Reasons => _reasons;

    public IReadOnlyList<PreflightReason> Notes => _notes;

    public void Block(string code, string message, string? fix) => _reasons.Add(new PreflightReason(code, message, fix));

    public void Note(string code, string message, string? fix = null) => _notes.Add(new PreflightReason(code, message, fix));

    public bool Has(string code) => _reasons.Any(r => r.Code == code);
}
