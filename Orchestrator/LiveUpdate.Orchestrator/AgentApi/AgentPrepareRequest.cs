namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>
/// Everything Prepare sends. The same update id always carries the same content, which makes Prepare safe to retry.
/// </summary>
public sealed record AgentPrepareRequest(string UpdateId, string BundleDigest, string PlaybookYaml, string PlaybookDigest);
