using LiveUpdate.Orchestrator.Inventory;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Tests.Inventory;

public sealed class InventoryLoaderTests
{
    private const string Fleet = """
        all:
          vars:
            liveupdate_agent_port: 7443
            site: fra1
            tier: all
          children:
            hypervisors:
              vars:
                tier: hypervisor
              children:
                rack_a:
                  vars:
                    tier: rack-a
                  hosts:
                    hv-01:
                      ansible_host: 10.0.0.11
                    hv-02:
                      ansible_host: 10.0.0.12
                      tier: special
                rack_b:
                  hosts:
                    hv-03:
                      liveupdate_agent: https://hv-03.example.net:9443
                      liveupdate_cert_name: hv-03.mgmt
                    hv-04:
                      ansible_host: "fd00::4"
                      liveupdate_agent_port: 8443
                      liveupdate_failure_domain: pdu-7
          hosts:
            hv-05:
              ansible_host: 10.0.0.15
        gpu:
          hosts:
            hv-02:
        """;

    [Fact]
    public void LoadText_NestedChildren_ResolvesHostsInInventoryOrder()
    {
        var inventory = Load(Fleet, new InventoryOptions("rack_")).GetValueOrThrow();

        Assert.Equal(["hv-01", "hv-02", "hv-03", "hv-04", "hv-05"], inventory.Hosts.Select(h => h.Name));
        Assert.Equal("inventory.yaml", inventory.Source);
        Assert.StartsWith("sha256:", inventory.ContentHash, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_VarInheritance_ChildOverridesParentAndHostOverridesGroups()
    {
        var hosts = Load(Fleet, new InventoryOptions("rack_")).GetValueOrThrow().Hosts.ToDictionary(h => h.Name);

        Assert.Equal("rack-a", hosts["hv-01"].Vars["tier"]);
        Assert.Equal("special", hosts["hv-02"].Vars["tier"]);
        Assert.Equal("hypervisor", hosts["hv-03"].Vars["tier"]);
        Assert.Equal("all", hosts["hv-05"].Vars["tier"]);
        Assert.Equal("fra1", hosts["hv-04"].Vars["site"]);
    }

    [Fact]
    public void LoadText_Endpoints_FromAgentUrlOrAnsibleHostAndPort()
    {
        var hosts = Load(Fleet, new InventoryOptions("rack_")).GetValueOrThrow().Hosts.ToDictionary(h => h.Name);

        Assert.Equal(new Uri("https://10.0.0.11:7443"), hosts["hv-01"].Endpoint);
        Assert.Equal(new Uri("https://hv-03.example.net:9443"), hosts["hv-03"].Endpoint);
        Assert.Equal(new Uri("https://[fd00::4]:8443"), hosts["hv-04"].Endpoint);
        Assert.Equal("hv-01", hosts["hv-01"].CertificateName);
        Assert.Equal("hv-03.mgmt", hosts["hv-03"].CertificateName);
    }

    [Fact]
    public void LoadText_FailureDomains_FromVariableThenPrefixedGroupThenOwnName()
    {
        var hosts = Load(Fleet, new InventoryOptions("rack_")).GetValueOrThrow().Hosts.ToDictionary(h => h.Name);

        Assert.Equal("rack_a", hosts["hv-01"].FailureDomain);
        Assert.Equal("rack_b", hosts["hv-03"].FailureDomain);
        Assert.Equal("pdu-7", hosts["hv-04"].FailureDomain);
        Assert.Equal("hv-05", hosts["hv-05"].FailureDomain);
    }

    [Fact]
    public void LoadText_Groups_IncludeAncestorsAndTopLevelGroups()
    {
        var hosts = Load(Fleet, new InventoryOptions("rack_")).GetValueOrThrow().Hosts.ToDictionary(h => h.Name);

        Assert.Equal(["gpu", "hypervisors", "rack_a"], hosts["hv-02"].Groups);
        Assert.Empty(hosts["hv-05"].Groups);
    }

    [Fact]
    public void LoadText_CommentOnlyChange_KeepsHashButVarChangeAltersIt()
    {
        var baseline = Load(Fleet, InventoryOptions.Default).GetValueOrThrow().ContentHash;
        var commented = Load("# fleet of Frankfurt\n" + Fleet, InventoryOptions.Default).GetValueOrThrow().ContentHash;
        var edited = Load(Fleet.Replace("10.0.0.15", "10.0.0.16", StringComparison.Ordinal), InventoryOptions.Default).GetValueOrThrow().ContentHash;

        Assert.Equal(baseline, commented);
        Assert.NotEqual(baseline, edited);
    }

    [Theory]
    [InlineData("all:\n  hosts:\n    hv-01:\n      site: x\n", "3:5", "host 'hv-01' has no agent endpoint (set liveupdate_agent or ansible_host)")]
    [InlineData("all:\n  hosts:\n    hv-01:\n      liveupdate_agent: not a url\n", "4:25", "host 'hv-01': liveupdate_agent 'not a url' is not a URL like https://10.0.0.12:7443")]
    [InlineData("all:\n  hosts:\n    hv-01:\n      liveupdate_agent: http://10.0.0.1:7443\n", "4:25", "host 'hv-01': liveupdate_agent 'http://10.0.0.1:7443' is not a URL")]
    [InlineData("all:\n  vars:\n    liveupdate_agent_port: 99999\n  hosts:\n    hv-01:\n      ansible_host: 10.0.0.1\n", "3:28", "host 'hv-01': liveupdate_agent_port must be a port from 1 to 65535, got '99999'")]
    [InlineData("all:\n  hosts:\n    hv-01:\n      ansible_host: 10.0.0.1\n      x: 1\n  children:\n    g:\n      hosts:\n        hv-01:\n          x: 2\n", "10:14", "host 'hv-01' is listed again with a different value for 'x': '2' here, '1' at line 5, column 10")]
    [InlineData("all:\n  hostz:\n    hv-01:\n", "2:3", "unknown key 'hostz' in group 'all' (expected hosts, children or vars)")]
    [InlineData("- hv-01\n- hv-02\n", "1:1", "an inventory must be a mapping of groups")]
    [InlineData("all:\n  hosts: [hv-01]\n", "2:10", "'hosts' of group 'all' must be a mapping")]
    [InlineData("all:\n  hosts:\n    hv-[01:04]:\n", "3:5", "host 'hv-[01:04]': host ranges like hv-[01:10] are not supported")]
    [InlineData("all:\n  vars:\n    a: 1\n", "1:1", "the inventory lists no hosts")]
    public void LoadText_BadInventory_ReportsLocatedError(string yaml, string location, string message)
    {
        var result = Load(yaml, InventoryOptions.Default);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"inventory.yaml:{location}: {message}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_RequiredDomainMissing_ReportsHostLocation()
    {
        var yaml = "all:\n  children:\n    rack_a:\n      hosts:\n        hv-01: { ansible_host: 10.0.0.1 }\n  hosts:\n    hv-02: { ansible_host: 10.0.0.2 }\n";

        var result = Load(yaml, new InventoryOptions("rack_", RequireFailureDomain: true));

        Assert.Equal(
            "inventory.yaml:7:5: host 'hv-02' is in no failure domain (set liveupdate_failure_domain or add it to a group named rack_*)",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void LoadText_HostInTwoDomainGroups_ReportsBoth()
    {
        var yaml = "rack_a:\n  hosts:\n    hv-01: { ansible_host: 10.0.0.1 }\nrack_b:\n  hosts:\n    hv-01:\n";

        var result = Load(yaml, new InventoryOptions("rack_"));

        Assert.Equal(
            "inventory.yaml:3:5: host 'hv-01' is in several failure-domain groups (rack_a, rack_b); keep one or set liveupdate_failure_domain",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void LoadText_DuplicateKey_ReportsYamlError()
    {
        var result = Load("all:\n  hosts:\n    hv-01: { ansible_host: a }\n    hv-01: { ansible_host: b }\n", InventoryOptions.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("YAML error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_SeveralBadHosts_ReportsEveryOne()
    {
        var result = Load("all:\n  hosts:\n    hv-01:\n    hv-02:\n    hv-03: { ansible_host: 10.0.0.3 }\n", InventoryOptions.Default);

        Assert.Equal(
            ["inventory.yaml:3:5: host 'hv-01' has no agent endpoint (set liveupdate_agent or ansible_host)",
             "inventory.yaml:4:5: host 'hv-02' has no agent endpoint (set liveupdate_agent or ansible_host)"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void LoadFile_RealFile_UsesPathAsSource()
    {
        var path = Path.Combine(Path.GetTempPath(), $"inventory-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, "all:\n  hosts:\n    hv-01:\n");
            var result = InventoryLoader.LoadFile(path, InventoryOptions.Default);

            Assert.Equal($"{path}:3:5: host 'hv-01' has no agent endpoint (set liveupdate_agent or ansible_host)", Assert.Single(result.Errors).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static LoadResult<HostInventory> Load(string yaml, InventoryOptions options) =>
        InventoryLoader.LoadText(yaml, "inventory.yaml", options);
}
