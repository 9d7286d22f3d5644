using System.Globalization;
using LiveUpdate.Lab.Hypervisor;

namespace LiveUpdate.Lab.Fleet;

/// <summary>One lab host: its name, failure domain, agent port, VMs and where its files live.</summary>
public sealed record LabHostSpec(string Name, string FailureDomain, int Port, IReadOnlyList<LabVm> Vms, string Directory, bool Faulty)
{
    public string Root => Path.Combine(Directory, "root");

    public string StateDirectory => Path.Combine(Directory, "state");

    public string LibvirtdDirectory => Path.Combine(Directory, "libvirtd");

    public string AgentConfig => Path.Combine(Directory, "agent.json");

    public string AgentLog => Path.Combine(Directory, "agent.log");

    public string Endpoint => string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{Port}");

    public static IReadOnlyList<LabHostSpec> For(LabOptions options) =>
        Enumerable.Range(0, options.Hosts)
            .Select(i =>
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"hv-{i + 1:00}");
                var domain = "rack-" + (char)('a' + (i % options.FailureDomains));
                return new LabHostSpec(
                    name,
                    domain,
                    options.BasePort + i,
                    LabVm.ForHost(i, options.VmsPerHost),
                    Path.Combine(Path.GetFullPath(options.Directory), "hosts", name),
                    options.FaultyHosts.Contains(name));
            })
            .ToList();
}
