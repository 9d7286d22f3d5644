using System.Text.Json;
using LiveUpdate.Agent.Cli;
using LiveUpdate.Agent.Tests.Preflight;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Tests.Cli;

/// <summary>The verb run in-process, on sandbox trees with the test driver, and once read-only on this machine.</summary>
public sealed class PreflightCommandTests : IDisposable
{
    private readonly TempDirectory _host = new("preflight-cli-host");
    private readonly TempDirectory _node = new("preflight-cli-node");

    public void Dispose()
    {
        _host.Dispose();
        _node.Dispose();
    }

    [Fact]
    public async Task Preflight_ReadySandboxHost_ExitsZeroAndPrintsFactsAndReady()
    {
        SandboxTree.Create(_host.Path, new SandboxHostOptions { Hostname = "hv-ready", PmemMountPoint = "/mnt/pmem0" });
        string uri = PreflightTestNode.Write(_node, new TestDomain("web", 64));

        (int exit, string output, string error) = await RunAsync("preflight", "--root", _host.Path, "--libvirt", uri,
            "--playbook", ShippedPlaybooks.PmemKexec, "--playbook", ShippedPlaybooks.SaveToDiskKexec);

        Assert.True(exit == AgentCli.Ok, output + error);
        Assert.Contains("hv-ready", output, StringComparison.Ordinal);
        Assert.Contains("web", output, StringComparison.Ordinal);
        Assert.Contains($"{ShippedPlaybooks.PmemKexec}: READY", output, StringComparison.Ordinal);
        Assert.Contains($"{ShippedPlaybooks.SaveToDiskKexec}: READY", output, StringComparison.Ordinal);
        Assert.DoesNotContain(ShippedPlaybooks.PmemMultikernel, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_NoPmemAllShipped_ExitsOneWithEachReasonAndFix()
    {
        SandboxTree.Create(_host.Path, new SandboxHostOptions { PmemBytes = 0 });

        (int exit, string output, _) = await RunAsync("preflight", "--root", _host.Path, "--libvirt", PreflightTestNode.Write(_node));

        Assert.Equal(AgentCli.Failed, exit);
        Assert.Contains($"{ShippedPlaybooks.PmemKexec}: NOT READY", output, StringComparison.Ordinal);
        Assert.Contains($"{ShippedPlaybooks.PmemMultikernel}: NOT READY", output, StringComparison.Ordinal);
        Assert.Contains($"{ShippedPlaybooks.SaveToDiskKexec}: READY", output, StringComparison.Ordinal);
        Assert.Contains("[pmem-missing]", output, StringComparison.Ordinal);
        Assert.Contains("fix: add memmap=", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_Json_SameVerdictsAsMachineReadableReport()
    {
        SandboxTree.Create(_host.Path, new SandboxHostOptions { PmemBytes = 0, CpuCount = 1 });
        string uri = PreflightTestNode.Write(_node, new TestDomain("gpu", 64, PciPassthrough: true));

        (int exit, string output, _) = await RunAsync("preflight", "--root", _host.Path, "--libvirt", uri, "--json", "--playbook", ShippedPlaybooks.SaveToDiskKexec);

        Assert.Equal(AgentCli.Failed, exit);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("hv-sandbox", json.RootElement.GetProperty("hostName").GetString());
        Assert.Equal("gpu", json.RootElement.GetProperty("vms")[0].GetProperty("name").GetString());
        JsonElement playbook = Assert.Single(json.RootElement.GetProperty("playbooks").EnumerateArray());
        Assert.False(playbook.GetProperty("ready").GetBoolean());
        Assert.Equal(["cpus-too-few-online", "vm-passthrough"], playbook.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.All(playbook.GetProperty("reasons").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("fix").GetString())));
    }

    [Fact]
    public async Task Preflight_PlaybookFile_JudgesThatFile()
    {
        SandboxTree.Create(_host.Path, new SandboxHostOptions());
        string text = File.ReadAllText(ShippedPlaybooks.PathOf(ShippedPlaybooks.PmemKexec))
            .Replace("name: pmem-kexec", "name: pmem-kexec-local", StringComparison.Ordinal)
            .Replace("/mnt/pmem0/liveupdate", "/var/lib/liveupdate/pmem/vm-state", StringComparison.Ordinal);
        string file = _node.WriteFile("pmem-local.yaml", text);

        (int exit, string output, string error) = await RunAsync("preflight", "--root", _host.Path, "--libvirt", PreflightTestNode.Write(_node), "--playbook", file);

        Assert.True(exit == AgentCli.Ok, output + error);
        Assert.Contains("pmem-kexec-local: READY", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_UnknownPlaybook_ExitsTwoNamingTheShippedOnes()
    {
        (int exit, _, string error) = await RunAsync("preflight", "--root", _host.Path, "--playbook", "no-such-playbook");

        Assert.Equal(AgentCli.Usage, exit);
        Assert.Contains(ShippedPlaybooks.PmemKexec, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_RootNotADirectory_ExitsTwo()
    {
        (int exit, _, string error) = await RunAsync("preflight", "--root", _host.Combine("absent"));

        Assert.Equal(AgentCli.Usage, exit);
        Assert.Contains("--root", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_Help_ShowsAnExample()
    {
        (int exit, string output, _) = await RunAsync("preflight", "--help");

        Assert.Equal(AgentCli.Ok, exit);
        Assert.Contains("Example:", output, StringComparison.Ordinal);
        Assert.Contains("--libvirt", output, StringComparison.Ordinal);
    }

    /// <summary>Reads the machine's own "/" (nothing under it is written) with the test driver standing in for libvirtd.</summary>
    [Fact]
    public async Task Preflight_MachineRoot_PmemPlaybooksVerdictMatchesItsLegacyPmem()
    {
        bool machineHasLegacyPmem = File.ReadAllText(HostPaths.Iomem).Contains("Persistent Memory (legacy)", StringComparison.Ordinal);

        (_, string output, _) = await RunAsync("preflight", "--libvirt", "test:///default", "--json",
            "--playbook", ShippedPlaybooks.PmemKexec, "--playbook", ShippedPlaybooks.PmemMultikernel);

        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("/", json.RootElement.GetProperty("root").GetString());
        foreach (JsonElement playbook in json.RootElement.GetProperty("playbooks").EnumerateArray())
        {
            string[] codes = [.. playbook.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];
            bool noPmemReason = codes.Any(c => c is "pmem-missing" or "pmem-not-present" or "pmem-not-in-iomem" or "pmem-is-system-ram");
            Assert.Equal(!machineHasLegacyPmem, noPmemReason);
            if (!machineHasLegacyPmem)
            {
                Assert.False(playbook.GetProperty("ready").GetBoolean());
            }
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await AgentCli.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
