using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Cli.Tests.Commands;

/// <summary>Bad input gets a one-line reason with the fix, a non-zero exit, and changes nothing.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new("cli-bad-input");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Plan_BundleFailsVerification_IsRefusedBeforeAnyAgentIsAsked()
    {
        var (spec, inventory) = Inputs(agentPort: 1);
        var kernel = Path.Combine(_dir.Combine("bundle"), BundleFormat.KernelFile);
        File.SetAttributes(kernel, FileAttributes.Normal);
        File.AppendAllText(kernel, "tampered");

        var run = await CliRun.RunAsync(["plan", "--spec", spec, "--inventory", inventory, .. Orchestrator()]);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("bundle './bundle' refused", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.Combine("orchestrator.db")), "a refused plan must not create the store");
    }

    [Fact]
    public async Task Plan_AgentUnreachable_NamesTheHostAndFails()
    {
        var (spec, inventory) = Inputs(agentPort: LoopbackPort.Free());

        var run = await CliRun.RunAsync(["plan", "--spec", spec, "--inventory", inventory, .. Orchestrator()]);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("1 agent(s) unreachable, their hosts are left out of the plan: hv-01", run.Error, StringComparison.Ordinal);
        Assert.Contains("fix: check that liveupdate-agent runs", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabUp_UnknownFaultyHost_IsRefusedAndCreatesNothing()
    {
        var lab = _dir.Combine("lab");

        var run = await CliRun.RunAsync("lab", "up", "--dir", lab, "--hosts", "2", "--faulty", "hv-99");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("--faulty hv-99: no such lab host", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(lab));
    }

    [Fact]
    public async Task Status_EtcdStoreNotReachable_FailsNamingTheStore()
    {
        var run = await CliRun.RunAsync("status", "--store", $"etcd://127.0.0.1:{LoopbackPort.Free()}/liveupdate");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("liveupdate: store etcd://127.0.0.1:", run.Error, StringComparison.Ordinal);
        Assert.Contains("is unavailable", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_EtcdStoreWithoutPort_IsAUsageError()
    {
        var run = await CliRun.RunAsync("status", "--store", "etcd://store-host/liveupdate");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("write it as etcd://HOST:PORT/PREFIX", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownRollout_SaysWhereToLook()
    {
        var (spec, inventory) = Inputs(agentPort: 1);
        File.WriteAllBytes(_dir.Combine("orchestrator.db"), []);
        using (LiveUpdate.Orchestrator.Store.SqliteRolloutStore.Open(_dir.Combine("orchestrator.db")))
        {
        }

        var run = await CliRun.RunAsync("status", "no-such-rollout", "--store", _dir.Combine("orchestrator.db"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("no rollout 'no-such-rollout'", run.Error, StringComparison.Ordinal);
        Assert.Contains("fix:", run.Error, StringComparison.Ordinal);
    }

    private string[] Orchestrator()
    {
        var certs = _dir.Combine("certs");
        if (!Directory.Exists(certs))
        {
            using var make = System.Diagnostics.Process.Start("bash", [RepositoryRoot.Combine("deploy", "certs", "make-lab-certs.sh"), certs, "hv-01=127.0.0.1"]);
            make.WaitForExit();
        }

        return ["--store", _dir.Combine("orchestrator.db"), "--tls", certs];
    }

    private (string Spec, string Inventory) Inputs(int agentPort)
    {
        var kernel = _dir.WriteFile("images/vmlinuz", "Linux version 6.1.0-50-lab (lab) #1\n");
        BundleWriter.Create(new BundleCreateRequest(kernel, null, "${inherit}", _dir.Combine("bundle")));
        var spec = _dir.WriteFile("rollout.yaml", """
            apiVersion: liveupdate.dev/v1
            kind: Rollout
            name: bad-input
            playbook: pmem-kexec
            bundle: ./bundle
            waves: [1]
            maxInCriticalSection: 1
            maxPerFailureDomain: 1
            failureBudget: 1
            settle: 1s
            order: inventory

            """);
        var inventory = _dir.WriteFile("inventory.yaml", $"""
            all:
              hosts:
                hv-01:
                  liveupdate_agent: https://127.0.0.1:{agentPort}
                  liveupdate_cert_name: hv-01
                  liveupdate_failure_domain: rack-a

            """);
        return (spec, inventory);
    }
}
