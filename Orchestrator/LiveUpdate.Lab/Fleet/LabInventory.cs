using System.Text;

namespace LiveUpdate.Lab.Fleet;

/// <summary>The lab fleet as an Ansible YAML inventory: one group per failure domain.</summary>
internal static class LabInventory
{
    public static string Render(IReadOnlyList<LabHostSpec> hosts)
    {
        var text = new StringBuilder();
        text.Append("# Written by `liveupdate lab up`: the lab fleet in Ansible's YAML inventory format.\n");
        text.Append("all:\n  children:\n");
        foreach (var domain in hosts.GroupBy(h => h.FailureDomain))
        {
            text.Append("    ").Append(domain.Key.Replace('-', '_')).Append(":\n      hosts:\n");
            foreach (var host in domain)
            {
                text.Append("        ").Append(host.Name).Append(":\n");
                text.Append("          liveupdate_agent: ").Append(host.Endpoint).Append('\n');
                text.Append("          liveupdate_cert_name: ").Append(host.Name).Append('\n');
                text.Append("          liveupdate_failure_domain: ").Append(host.FailureDomain).Append('\n');
            }
        }

        return text.ToString();
    }
}
