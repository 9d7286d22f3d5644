using LiveUpdate.E2E.Tests.Lab;

namespace LiveUpdate.E2E.Tests.Orchestration;

/// <summary>
/// The inventory and rollout spec an operator writes for the one lab host, in the format `liveupdate lab up`
/// writes for its fleet (Orchestrator/LiveUpdate.Lab/Fleet): one wave of one host, nothing in parallel.
/// </summary>
internal static class RolloutDocuments
{
    public const string FailureDomain = "lab";

    public static string Inventory(int port) => $"""
        # The QEMU lab host; its agent's port 7443 is forwarded to 127.0.0.1:{port}.
        all:
          children:
            {FailureDomain}:
              hosts:
                {LabInputs.HostName}:
                  liveupdate_agent: https://127.0.0.1:{port}
                  liveupdate_cert_name: {LabInputs.HostName}
                  liveupdate_failure_domain: {FailureDomain}

        """;

    public static string Spec(string name, string playbook, string bundleDirectory) => $"""
        apiVersion: liveupdate.dev/v1
        kind: Rollout
        name: {name}
        playbook: {playbook}
        bundle: {bundleDirectory}
        waves: [1]
        maxInCriticalSection: 1
        maxPerFailureDomain: 1
        failureBudget: 1
        settle: 1s
        order: inventory

        """;
}
