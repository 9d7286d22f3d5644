namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>The inventory variables LiveUpdate reads; everything else is carried along for gates and templates.</summary>
internal static class InventoryVariables
{
    public const string Agent = "liveupdate_agent";
    public const string AgentPort = "liveupdate_agent_port";
    public const string AnsibleHost = "ansible_host";
    public const string CertificateName = "liveupdate_cert_name";
    public const string FailureDomain = "liveupdate_failure_domain";
    public const int DefaultAgentPort = 7443;
}
