using System.Globalization;
using System.Text.Json;
using LiveUpdate.Lab.Supervision;

namespace LiveUpdate.Cli.Tests.Lab;

/// <summary>
/// One lab fleet of four hosts (two VMs each, two failure domains) in a fresh directory: `lab up`, the arguments
/// every rollout verb needs to reach it, and `lab down`, which must leave nothing running.
/// </summary>
internal sealed class LabFleet : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("cli-lab");
    private readonly int _basePort = Random.Shared.Next(20_000, 40_000);

    public string Lab => _dir.Combine("lab");

    public string Store => Path.Combine(Lab, "orchestrator.db");

    public string[] Orchestrator => ["--store", Store, "--tls", Path.Combine(Lab, "certs"), "--bundle-trust", Path.Combine(Lab, "bundle-key.pub.pem")];

    public string[] Inputs => ["--spec", Path.Combine(Lab, "rollout.yaml"), "--inventory", Path.Combine(Lab, "inventory.yaml")];

    /// <summary>A path outside the lab directory, for files a test writes (plans, reports).</summary>
    public string Combine(string name) => _dir.Combine(name);

    /// <param name="options">Further `lab up` options, e.g. `--faulty hv-02`.</param>
    public async Task UpAsync(params string[] options)
    {
        var up = await CliRun.RunAsync(["lab", "up", "--dir", Lab, "--hosts", "4", "--vms", "2", "--domains", "2", "--base-port", _basePort.ToString(CultureInfo.InvariantCulture), .. options]);
        Assert.True(up.ExitCode == ExitCodes.Ok, up.Error + up.Out);
    }

    public async ValueTask DisposeAsync()
    {
        var down = await CliRun.RunAsync("lab", "down", "--dir", Lab);
        try
        {
            Assert.Equal(ExitCodes.Ok, down.ExitCode);
            Assert.DoesNotContain("outlived", down.Error, StringComparison.Ordinal);
            Assert.Empty(LabProcessSweep.Find(Lab));
            Assert.False(Directory.Exists(Lab));
        }
        finally
        {
            LabProcessSweep.KillLeftovers(Lab);
            _dir.Dispose();
        }
    }

    /// <summary>Every host runs the kernel <paramref name="expectedKernel"/> gives for its name, and both its VMs run.</summary>
    public async Task AssertHostsAsync(Func<string, string> expectedKernel)
    {
        var lab = JsonDocument.Parse((await CliRun.RunAsync("lab", "status", "--dir", Lab, "--json")).Out).RootElement;
        foreach (var host in lab.GetProperty("hosts").EnumerateArray())
        {
            var name = host.GetProperty("host").GetString()!;
            Assert.Equal(expectedKernel(name), host.GetProperty("kernelRelease").GetString());
            var vms = host.GetProperty("vms").EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString());
            Assert.Equal(["vm-01", "vm-02"], vms.Keys.Order());
            Assert.All(vms.Values, state => Assert.Equal("running", state));
        }
    }
}
