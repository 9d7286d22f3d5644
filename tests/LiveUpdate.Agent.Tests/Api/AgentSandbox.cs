using System.Text.Json;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Handover;
using LiveUpdate.Agent.Hosting;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Kernel.Bundles;
using LiveUpdate.Libvirt;
using LiveUpdate.Playbooks;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Agent.Tests.Api;

/// <summary>
/// One simulated host: a sandbox tree with PMEM, a state directory, a config file, and a libvirt test
/// driver connection with 8 running VMs that outlives every agent started on it (as libvirtd would).
/// </summary>
internal sealed class AgentSandbox : IDisposable
{
    public const int VmCount = 8;
    public const string NewRelease = "6.1.0-50-lab";

    private readonly TempDirectory _dir = new("agent-sandbox");

    public AgentSandbox(LabCertificates certs)
    {
        Certs = certs;
        Root = SandboxTree.Create(_dir.Combine("root"), new SandboxHostOptions { PmemMountPoint = "/mnt/pmem0", RamBytes = 8UL << 30, PmemBytes = 2UL << 30, PmemOffset = 4UL << 30 });
        StateDirectory = _dir.Combine("state");
        Libvirt = LibvirtConnection.Open(TestDomains.WriteNode(_dir.Path, VmCount));
        ConfigFile = _dir.WriteFile("agent.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Agent"] = new Dictionary<string, object>
            {
                ["HostName"] = LabCertificates.HostName,
                ["Listen"] = "https://127.0.0.1:0",
                ["StateDirectory"] = StateDirectory,
                ["LibvirtUri"] = "test:///default",
                ["Tls"] = new Dictionary<string, string>
                {
                    ["Certificate"] = certs.HostCertificate,
                    ["Key"] = certs.HostKey,
                    ["ClientCa"] = certs.Ca,
                    ["OrchestratorName"] = "liveupdate-orchestrator",
                },
            },
        }));
    }

    public LabCertificates Certs { get; }

    public HostRoot Root { get; }

    public string StateDirectory { get; }

    public LibvirtConnection Libvirt { get; }

    public string ConfigFile { get; }

    public ThrowingTerminator Terminator { get; private set; } = new();

    public CollectingLoggerProvider Logs { get; } = new();

    public TestDriverVms? Vms { get; private set; }

    /// <summary>Starts an agent on this host; each call is a fresh process as far as the agent can tell.</summary>
    public Task<TestAgent> StartAgentAsync(TaskCompletionSource? holdSuspend = null)
    {
        Terminator = new ThrowingTerminator();
        var hooks = new AgentHooks
        {
            Libvirt = Libvirt,
            Terminator = Terminator,
            WrapVms = inner => Vms = new TestDriverVms(inner) { HoldSuspend = holdSuspend },
            Logging = logging => logging.AddProvider(Logs),
        };
        return TestAgent.StartAsync(new AgentLaunch(ConfigFile, Root.Path, []), hooks, Certs);
    }

    /// <summary>A bundle whose fake kernel carries the lab version marker, as the sim driver reads it.</summary>
    public string CreateBundle()
    {
        var kernel = _dir.WriteFile("src/vmlinuz", $"lab kernel image\nLinux version {NewRelease} (lab@example) #1 SMP\n{new string('k', 70_000)}");
        var initrd = _dir.WriteFile("src/initrd.img", "lab initramfs");
        var manifest = BundleWriter.Create(new BundleCreateRequest(kernel, initrd, "${inherit}", _dir.Combine("bundle")));
        return manifest.Digest;
    }

    public string BundleDirectory => _dir.Combine("bundle");

    public static string ShippedPlaybook(string name) => File.ReadAllText(RepositoryRoot.Combine("Playbooks", "shipped", name + ".yaml"));

    public static PrepareRequest PrepareRequest(string updateId, string digest, string playbookYaml) => new()
    {
        UpdateId = updateId,
        BundleDigest = digest,
        PlaybookYaml = playbookYaml,
        PlaybookDigest = PlaybookDigest.Compute(playbookYaml),
    };

    public void Dispose()
    {
        Libvirt.Dispose();
        _dir.Dispose();
    }
}
