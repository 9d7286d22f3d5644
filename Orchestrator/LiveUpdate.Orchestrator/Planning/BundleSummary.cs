namespace LiveUpdate.Orchestrator.Planning;

/// <summary>The kernel bundle being rolled out.</summary>
/// <param name="Digest">The bundle's SHA-256 digest (its name).</param>
/// <param name="KernelRelease">The release the hosts will run afterwards, as <c>uname -r</c> will print it.</param>
public sealed record BundleSummary(string Digest, string KernelRelease);
