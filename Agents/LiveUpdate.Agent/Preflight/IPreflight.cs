using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Preflight;

/// <summary>Checks, without changing anything, whether this host can run a playbook now.</summary>
public interface IPreflight
{
    Task<PlaybookReadiness> CheckAsync(Playbook playbook, CancellationToken ct);
}
