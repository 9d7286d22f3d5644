namespace LiveUpdate.E2E.Tests.Lab;

/// <summary>
/// What deploy/lab/agent/prepare.sh built or found in the cache: the lab image with the published agent,
/// the lab certificates, and the key that signs bundles (its public half is in the image).
/// </summary>
public sealed record LabInputs(string Image, string Certificates, string BundleKey, string AgentMode)
{
    public const string HostName = "lab-host";

    public string NextKernel => Path.Combine(Image, "vmlinuz-next");

    public string NextInitrd => Path.Combine(Image, "initrd-next.img");

    public string Ca => Path.Combine(Certificates, "ca.pem");

    public string OrchestratorCertificate => Path.Combine(Certificates, "orchestrator.pem");

    public string OrchestratorKey => Path.Combine(Certificates, "orchestrator.key");

    /// <summary>The public half of <see cref="BundleKey"/>, which prepare.sh writes beside it (the orchestrator's --bundle-trust).</summary>
    public string BundleTrustKey => Path.Combine(Path.GetDirectoryName(BundleKey)!, "bundle-key.pub.pem");

    /// <summary>Where a scenario's lab keeps its serial log and state disk: kept after the run, replaced by the next.</summary>
    public string RunDirectory(string scenario)
    {
        var directory = Path.Combine(Path.GetDirectoryName(Image)!, "runs", scenario);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return directory;
    }

    public static async Task<LabInputs> PrepareAsync()
    {
        var output = await ShellRun.RunAsync(RepositoryRoot.Combine("deploy", "lab", "agent", "prepare.sh"), [], TimeSpan.FromMinutes(8));
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1].Trim());
        string Get(string key) => values.TryGetValue(key, out var v) ? v : throw new InvalidOperationException($"prepare.sh printed no {key}= line:\n{output}");
        return new LabInputs(Get("IMAGE"), Get("CERTS"), Get("BUNDLE_KEY"), Get("AGENT_MODE"));
    }
}
