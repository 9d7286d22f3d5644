namespace LiveUpdate.Lab.Fleet;

/// <summary>Where a lab keeps its shared files (per-host files are on <see cref="LabHostSpec"/>).</summary>
public sealed class LabFiles(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public string Certificates => Path.Combine(Directory, "certs");

    public string CaCertificate => Path.Combine(Certificates, "ca.pem");

    public string OrchestratorCertificate => Path.Combine(Certificates, "orchestrator.pem");

    public string OrchestratorKey => Path.Combine(Certificates, "orchestrator.key");

    public string HostCertificate(string host) => Path.Combine(Certificates, "hosts", host + ".pem");

    public string HostKey(string host) => Path.Combine(Certificates, "hosts", host + ".key");

    public string BundleKey => Path.Combine(Directory, "bundle-key.pem");

    public string BundleTrustKey => Path.Combine(Directory, "bundle-key.pub.pem");

    public string Bundle => Path.Combine(Directory, "bundles", "next");

    /// <summary>The bundle the lab hosts run at first; a rollback returns them to it.</summary>
    public string PreviousBundle => Path.Combine(Directory, "bundles", "previous");

    public string Inventory => Path.Combine(Directory, "inventory.yaml");

    public string RolloutSpec => Path.Combine(Directory, "rollout.yaml");

    /// <summary>The lab's description: options and hosts, written by `lab up`, read by everything after.</summary>
    public string Manifest => Path.Combine(Directory, "lab.json");

    /// <summary>Written by the supervisor when every host is up; removed when it stops.</summary>
    public string SupervisorState => Path.Combine(Directory, "supervisor.json");

    public string SupervisorLog => Path.Combine(Directory, "supervisor.log");

    public string Store => Path.Combine(Directory, "orchestrator.db");
}
