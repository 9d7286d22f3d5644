using System.Diagnostics;
using LiveUpdate.E2E.Tests.Agent;
using LiveUpdate.E2E.Tests.Lab;
using Xunit.Abstractions;

namespace LiveUpdate.E2E.Tests.Scenarios;

/// <summary>
/// A real live kernel update, 6.1.0-47 -> 6.1.0-50, by the real agent inside the QEMU lab host: the
/// counter VM is suspended and saved into PMEM, the agent kexecs, the agent of the new kernel recovers
/// from its journal on the state disk, restores the VM and resumes it.
/// </summary>
[Collection(LabCollection.Name)]
[Trait("Category", "e2e")]
public sealed class KernelSwitchTests(LabFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const string UpdateId = "e2e-switch";
    private readonly TempDirectory _scratch = new("e2e-switch");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Execute_PmemKexecPlaybook_SwitchesKernelAndVmContinues()
    {
        var clock = Stopwatch.StartNew();
        var inputs = fixture.Inputs;
        var bundleDirectory = _scratch.Combine("bundle");
        var bundle = LabBundles.NextKernel(inputs, bundleDirectory);
        await using var agent = await LabAgent.StartAsync(inputs, inputs.RunDirectory("kernel-switch"));
        output.WriteLine($"agent ({inputs.AgentMode}) listening {clock.Elapsed.TotalSeconds:F1} s after the start; serial log {agent.Lab.SerialLogPath}");
        try
        {
            var before = await agent.DescribeAsync();
            var readiness = before.Preflight.Single(p => p.Playbook == "pmem-kexec");
            Assert.True(readiness.Ready, "pmem-kexec is not ready on the lab host:\n" + LabAgent.Reasons(readiness.Reasons));
            Assert.Equal("6.1.0-47-cloud-amd64", before.Facts.KernelRelease);
            Assert.Equal(1, before.Facts.VmCount);

            var staged = await LabBundles.StageAsync(agent.Client, bundleDirectory, bundle.Digest, TimeSpan.FromMinutes(3));
            output.WriteLine($"staged {staged.Bytes} bytes at {clock.Elapsed.TotalSeconds:F1} s");
            var prepared = await agent.PrepareAsync(UpdateId, bundle.Digest, File.ReadAllText(RepositoryRoot.Combine("Playbooks", "shipped", "pmem-kexec.yaml")));
            Assert.True(prepared.Accepted, "Prepare refused:\n" + LabAgent.Reasons(prepared.Reasons));
            Assert.Contains("memmap=256M!1G", prepared.NextCommandLine, StringComparison.Ordinal);

            var follower = agent.Follower();
            var end = await follower.RunAsync(agent.Connection, UpdateId, agent.ListeningIndex + 1, TimeSpan.FromMinutes(6));
            output.WriteLine($"update ended {end} at {clock.Elapsed.TotalSeconds:F1} s after {follower.Reattachments} reattachment(s)");
            Assert.Equal("Completed", end);
            Assert.Equal(1, follower.Reattachments);

            // the new kernel's agent, asked over a fresh connection
            using var fresh = new AgentConnection(inputs, agent.Lab.Port);
            var after = await fresh.Client.DescribeAsync(new LiveUpdate.Agent.Api.V1.DescribeRequest());
            var status = await fresh.Client.StatusAsync(new LiveUpdate.Agent.Api.V1.StatusRequest());
            Assert.Equal("6.1.0-50-cloud-amd64", after.Facts.KernelRelease);
            Assert.NotEqual(before.Facts.BootId, after.Facts.BootId);
            Assert.Contains($"liveupdate.bundle={bundle.Digest}", after.Facts.CommandLine, StringComparison.Ordinal);
            Assert.Contains("liveupdate.generation=1", after.Facts.CommandLine, StringComparison.Ordinal);
            Assert.Contains("memmap=256M!1G", after.Facts.CommandLine, StringComparison.Ordinal);
            Assert.Equal(1, after.Facts.Generation);
            Assert.Equal(after.Facts.CpusPossible, after.Facts.CpusOnline);
            Assert.Equal(1, after.Facts.VmCount);
            Assert.Equal("Completed", status.State);

            var journal = await agent.ReplayAsync(UpdateId);
            Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence).Order());
            foreach (var step in new[] { "preflight", "verify-bundle", "load", "suspend", "save", "offline-cpu", "handover", "online-cpus", "restore", "resume", "verify" })
            {
                Assert.Contains(journal, e => e.StepId == step && e.Type == "StepStarted");
                if (step != "handover")
                {
                    Assert.Contains(journal, e => e.StepId == step && e.Type == "StepCompleted");
                }
            }

            Assert.Equal("Completed", journal[^1].State);
            Assert.Equal([before.Facts.BootId, after.Facts.BootId], journal.Select(e => e.BootId).Distinct());

            // the VM continued: one guest boot, and the restored VM's first tick follows the last one it saved
            var newKernel = await agent.Lab.Serial.WaitForAsync("INIT_START kernel=6.1.0-50", 0, TimeSpan.FromSeconds(1));
            await WaitForTicksAfterAsync(agent.Lab.Serial, newKernel.Index, 2);
            var newLines = agent.Lab.Serial.Lines.Skip(newKernel.Index).ToList();
            var saved = CounterTicks.From(newLines, CounterTicks.Saved);
            var restored = CounterTicks.From(newLines);
            output.WriteLine($"counter: saved {saved.Values}; restored {restored.Values}");
            Assert.Equal(1, saved.Boots);
            Assert.Equal(0, restored.Boots);
            Assert.True(saved.Consecutive && restored.Consecutive, "ticks missing or out of order");
            Assert.Equal(saved.Ticks[^1].Value + 0x80, restored.Ticks[0].Value);
            Assert.Contains(agent.Lab.Serial.Lines.Take(newKernel.Index), l => l.Text.Contains("kexec_loaded=1", StringComparison.Ordinal));

            output.WriteLine(BlackoutReport.Format(follower.Events, agent.Lab.Serial, newKernel.Index, restored));
            output.WriteLine($"whole scenario: {clock.Elapsed.TotalSeconds:F1} s");
        }
        catch
        {
            output.WriteLine("serial console (tail):\n" + agent.Lab.Serial.Tail(80));
            throw;
        }
    }

    private static async Task WaitForTicksAfterAsync(SerialLog serial, int from, int count)
    {
        for (var i = 0; i < count; i++)
        {
            from = (await serial.WaitForAsync(CounterTicks.IsTick, from, TimeSpan.FromMinutes(1), "a counter tick after the restore")).Index + 1;
        }
    }
}
