using System.ComponentModel.DataAnnotations;

namespace LiveUpdate.Agent.Hosting;

/// <summary>The agent's configuration (section "Agent"), validated before anything starts.</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>The name the orchestrator knows this host by; its server certificate must carry it.</summary>
    [Required]
    public string HostName { get; set; } = Environment.MachineName;

    /// <summary>Where the gRPC API listens, e.g. https://0.0.0.0:7443.</summary>
    [Required]
    [Url]
    public string Listen { get; set; } = "https://0.0.0.0:7443";

    /// <summary>The journal and staged bundles live here; it must survive a kernel switch (a disk, not tmpfs).</summary>
    [Required]
    public string StateDirectory { get; set; } = "/var/lib/liveupdate";

    /// <summary>The root the host drivers read and write under: "/" on a real host, a sandbox tree in the lab.</summary>
    [Required]
    public string Root { get; set; } = "/";

    /// <summary>
    /// A sandbox tree: when set, Root is this tree and the `sim` handover driver becomes available.
    /// Never set on a real host.
    /// </summary>
    public string? Sandbox { get; set; }

    [Required]
    public string LibvirtUri { get; set; } = "qemu:///system";

    /// <summary>Shipped playbooks are looked up here by name.</summary>
    public string? PlaybookDirectory { get; set; }

    /// <summary>When set, only bundles signed by this ECDSA public key (PEM) are staged.</summary>
    public string? BundleTrustKey { get; set; }

    // Not [ValidateObjectMembers]: AgentOptionsValidator checks the TLS files and names them as configured
    // (Agent:Tls:...), which is what the reflection-based annotation check did before.
#pragma warning disable SYSLIB1212
    [Required]
    public TlsOptions Tls { get; set; } = new();
#pragma warning restore SYSLIB1212
}

/// <summary>Mutual TLS: the agent's own certificate and what it demands of the orchestrator's.</summary>
public sealed class TlsOptions
{
    [Required]
    public string Certificate { get; set; } = "";

    [Required]
    public string Key { get; set; } = "";

    /// <summary>The CA every client certificate must chain to.</summary>
    [Required]
    public string ClientCa { get; set; } = "";

    /// <summary>The identity (CN or DNS name) a client certificate must carry to be served.</summary>
    [Required]
    public string OrchestratorName { get; set; } = "liveupdate-orchestrator";
}
