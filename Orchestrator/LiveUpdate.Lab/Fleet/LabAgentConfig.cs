using System.Text.Json.Nodes;

namespace LiveUpdate.Lab.Fleet;

/// <summary>One lab host's agent configuration, in the same format as deploy/config/agent.json.</summary>
internal static class LabAgentConfig
{
    public static string Render(LabFiles files, LabHostSpec host, string playbookDirectory) => new JsonObject
    {
        ["Agent"] = new JsonObject
        {
            ["HostName"] = host.Name,
            ["Listen"] = host.Endpoint,
            ["StateDirectory"] = host.StateDirectory,
            ["Root"] = host.Root,
            ["Sandbox"] = host.Root,
            ["LibvirtUri"] = LabHostUris.Libvirt(host),
            ["PlaybookDirectory"] = playbookDirectory,
            ["BundleTrustKey"] = files.BundleTrustKey,
            ["Tls"] = new JsonObject
            {
                ["Certificate"] = files.HostCertificate(host.Name),
                ["Key"] = files.HostKey(host.Name),
                ["ClientCa"] = files.CaCertificate,
                ["OrchestratorName"] = "liveupdate-orchestrator",
            },
        },
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}

/// <summary>Addresses derived from a host's files, in one place.</summary>
public static class LabHostUris
{
    public static string Libvirt(LabHostSpec host) =>
        $"test+unix:///default?socket={Path.Combine(host.LibvirtdDirectory, "run", "libvirt", "libvirt-sock")}";
}
