namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// How `liveupdate-agent serve` was started: the JSON configuration file, the sandbox tree (lab only),
/// and `--Agent:Key=value` overrides, which win over the file and the LIVEUPDATE_ environment.
/// </summary>
public sealed record AgentLaunch(string? ConfigFile, string? Sandbox, IReadOnlyList<string> Overrides);
