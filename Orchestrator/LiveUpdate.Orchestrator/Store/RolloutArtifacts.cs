namespace LiveUpdate.Orchestrator.Store;

/// <summary>What the engine sends to agents, kept with the rollout so a restarted orchestrator sends the same.</summary>
/// <param name="BundleDirectories">Bundle directory by bundle digest; a rollback needs the bundle each host ran before.</param>
public sealed record RolloutArtifacts(string PlaybookYaml, string PlaybookDigest, IReadOnlyDictionary<string, string> BundleDirectories);
