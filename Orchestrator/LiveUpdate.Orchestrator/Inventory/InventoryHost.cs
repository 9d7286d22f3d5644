namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>One hypervisor host, with every variable already resolved through group inheritance.</summary>
/// <param name="Endpoint">The agent's gRPC endpoint (https).</param>
/// <param name="CertificateName">The name the agent's certificate must carry; mTLS refuses any other.</param>
/// <param name="FailureDomain">Hosts sharing a failure domain are limited together (rack, PDU, switch).</param>
/// <param name="Groups">Every group the host belongs to, directly or through children, except <c>all</c>; sorted.</param>
/// <param name="Vars">The effective variables: host vars over child-group vars over parent-group vars.</param>
public sealed record InventoryHost(
    string Name,
    Uri Endpoint,
    string CertificateName,
    string FailureDomain,
    IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, string> Vars);
