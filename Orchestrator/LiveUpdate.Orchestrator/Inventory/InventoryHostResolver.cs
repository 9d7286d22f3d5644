using System.Globalization;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Inventory;

/// <summary>
/// Applies Ansible's variable precedence and turns raw hosts into <see cref="InventoryHost"/>s: group vars apply
/// from the shallowest group to the deepest (ties by name), then host vars win over all of them.
/// </summary>
internal sealed class InventoryHostResolver(
    IReadOnlyDictionary<string, RawGroup> groups, InventoryOptions options, DiagnosticBag bag)
{
    private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal);

    public InventoryHost? Resolve(RawHost host)
    {
        var memberOf = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in host.Groups)
        {
            AddWithAncestors(group, memberOf, []);
        }

        var vars = new Dictionary<string, LocatedValue>(StringComparer.Ordinal);
        foreach (var group in memberOf.OrderBy(Depth).ThenBy(g => g, StringComparer.Ordinal))
        {
            foreach (var (key, value) in groups[group].Vars)
            {
                vars[key] = value;
            }
        }

        foreach (var (key, value) in host.Vars)
        {
            vars[key] = value;
        }

        memberOf.Remove(InventoryDocumentReader.AllGroup);
        var sortedGroups = memberOf.Order(StringComparer.Ordinal).ToList();
        var endpoint = Endpoint(host, vars);
        var domain = FailureDomain(host, vars, sortedGroups);
        if (endpoint is null || domain is null)
        {
            return null;
        }

        var certificate = vars.TryGetValue(InventoryVariables.CertificateName, out var cert) && cert.Text.Length > 0
            ? cert.Text
            : host.Name;
        var flat = vars.ToDictionary(v => v.Key, v => v.Value.Text, StringComparer.Ordinal);
        return new InventoryHost(host.Name, endpoint, certificate, domain, sortedGroups, flat);
    }

    private Uri? Endpoint(RawHost host, Dictionary<string, LocatedValue> vars)
    {
        if (vars.TryGetValue(InventoryVariables.Agent, out var agent))
        {
            if (Uri.TryCreate(agent.Text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
                && url.AbsolutePath == "/" && string.IsNullOrEmpty(url.Query))
            {
                return url;
            }

            bag.Error(agent.At, $"host '{host.Name}': {InventoryVariables.Agent} '{agent.Text}' is not a URL like https://10.0.0.12:7443");
            return null;
        }

        if (!vars.TryGetValue(InventoryVariables.AnsibleHost, out var address) || address.Text.Length == 0)
        {
            bag.Error(host.At, $"host '{host.Name}' has no agent endpoint (set {InventoryVariables.Agent} or {InventoryVariables.AnsibleHost})");
            return null;
        }

        var port = InventoryVariables.DefaultAgentPort;
        if (vars.TryGetValue(InventoryVariables.AgentPort, out var portValue)
            && (!int.TryParse(portValue.Text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            bag.Error(portValue.At, $"host '{host.Name}': {InventoryVariables.AgentPort} must be a port from 1 to 65535, got '{portValue.Text}'");
            return null;
        }

        // An IPv6 literal needs brackets in a URL; a name or IPv4 address is used as is.
        var hostPart = address.Text.Contains(':') && !address.Text.StartsWith('[') ? $"[{address.Text}]" : address.Text;
        if (!Uri.TryCreate(string.Create(CultureInfo.InvariantCulture, $"https://{hostPart}:{port}"), UriKind.Absolute, out var built))
        {
            bag.Error(address.At, $"host '{host.Name}': {InventoryVariables.AnsibleHost} '{address.Text}' is not a host name or IP address");
            return null;
        }

        return built;
    }

    private string? FailureDomain(RawHost host, Dictionary<string, LocatedValue> vars, List<string> memberOf)
    {
        if (vars.TryGetValue(InventoryVariables.FailureDomain, out var explicitDomain) && explicitDomain.Text.Length > 0)
        {
            return explicitDomain.Text;
        }

        var prefix = options.FailureDomainGroupPrefix;
        var matches = string.IsNullOrEmpty(prefix) ? [] : memberOf.Where(g => g.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count > 1)
        {
            bag.Error(host.At, $"host '{host.Name}' is in several failure-domain groups ({string.Join(", ", matches)}); keep one or set {InventoryVariables.FailureDomain}");
            return null;
        }

        if (options.RequireFailureDomain)
        {
            var hint = string.IsNullOrEmpty(prefix) ? string.Empty : $" or add it to a group named {prefix}*";
            bag.Error(host.At, $"host '{host.Name}' is in no failure domain (set {InventoryVariables.FailureDomain}{hint})");
            return null;
        }

        return host.Name;
    }

    private void AddWithAncestors(string group, HashSet<string> into, HashSet<string> path)
    {
        if (!into.Add(group) || !path.Add(group))
        {
            return;
        }

        foreach (var parent in groups[group].Parents)
        {
            AddWithAncestors(parent, into, path);
        }

        path.Remove(group);
    }

    /// <summary>Longest distance from <c>all</c>; a group reached by a cycle counts from where the cycle was entered.</summary>
    private int Depth(string group) => Depth(group, []);

    private int Depth(string group, HashSet<string> visiting)
    {
        if (_depth.TryGetValue(group, out var known))
        {
            return known;
        }

        if (!visiting.Add(group))
        {
            return 0;
        }

        var parents = groups[group].Parents;
        var depth = parents.Count == 0 ? 0 : parents.Max(p => Depth(p, visiting)) + 1;
        visiting.Remove(group);
        _depth[group] = depth;
        return depth;
    }
}
