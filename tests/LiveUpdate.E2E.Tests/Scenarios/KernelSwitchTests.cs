using System.Diagnostics;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.E2E.Tests.Agent;
using LiveUpdate.E2E.Tests.Lab;
using LiveUpdate.E2E.Tests.Orchestration;
using Xunit.Abstractions;

namespace LiveUpdate.E2E.Tests.Scenarios;

/// <summary>
/// A real live kernel update, 6.1.0-47 -> 6.1.0-50, run the way an operator runs it: `liveupdate plan` and
/// `liveupdate apply` on this machine drive the real agent inside the QEMU lab host over mTLS. The counter VM
/// is suspended and saved into PMEM, the agent kexecs, the agent of the new kernel recovers from its journal,
/// restores the VM and resumes it, and the orchestrator reattaches to it and records every step.
/// </summary>
[Collection(LabCollection.Name)]
[Trait("Category", "e2e")]
public sealed class KernelSwitchTests(LabFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const string OldKernel = "6.1.0-47-cloud-amd64";
    private const string NewKernel = "6.1.0-50-cloud-amd64";

    private static readonly string[] Steps = ["preflight", "verify-bundle", "load", "suspend", "save", "offline-cpu", "handover", "online-cpus", "restore", "resume", "verify"];

    private readonly TempDirectory _scratch = new("e2e-switch");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Apply_PmemKexecRollout_SwitchesKernelAndVmContinues()
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
            Assert.Equal(OldKernel, before.Facts.KernelRelease);
            Assert.Equal(1, before.Facts.VmCount);

            var rollout = new LabRollout(inputs, _scratch.Combine("orchestrator"), agent.Lab.Port, "e2e-switch", "pmem-kexec", bundleDirectory);
            var plan = await rollout.PlanAsync();
            output.WriteLine(plan.ToString());
            Assert.True(plan.ExitCode == 0, plan.ToString());
            Assert.Contains("1 host(s) in 1 wave(s), 0 excluded", plan.Out, StringComparison.Ordinal);

            var apply = await rollout.ApplyAsync(TimeSpan.FromMinutes(12));
            output.WriteLine(apply.ToString());
            Assert.True(apply.ExitCode == 0, apply.ToString());
            output.WriteLine($"rollout applied {clock.Elapsed.TotalSeconds:F1} s after the start");

            var status = await rollout.StatusAsync();
            var host = status.GetProperty("hosts").EnumerateArray().Single();
            Assert.Equal("Completed", status.GetProperty("state").GetString());
            Assert.Equal(LabInputs.HostName, host.GetProperty("host").GetString());
            Assert.Equal("Succeeded", host.GetProperty("phase").GetString());
            Assert.Equal(OldKernel, host.GetProperty("oldKernel").GetString());
            Assert.Equal(NewKernel, host.GetProperty("newKernel").GetString());
            Assert.True(host.GetProperty("blackoutMs").GetDouble() > 0, "no blackout recorded: " + host);

            // the new kernel's agent, asked over a fresh connection
            using var fresh = new AgentConnection(inputs, agent.Lab.Port);
            var after = await fresh.Client.DescribeAsync(new DescribeRequest());
            var agentStatus = await fresh.Client.StatusAsync(new StatusRequest());
            Assert.Equal(NewKernel, after.Facts.KernelRelease);
            Assert.NotEqual(before.Facts.BootId, after.Facts.BootId);
            Assert.Contains($"liveupdate.bundle={bundle.Digest}", after.Facts.CommandLine, StringComparison.Ordinal);
            Assert.Contains("liveupdate.generation=1", after.Facts.CommandLine, StringComparison.Ordinal);
            Assert.Contains("memmap=256M!1G", after.Facts.CommandLine, StringComparison.Ordinal);
            Assert.Equal(1, after.Facts.Generation);
            Assert.Equal(after.Facts.CpusPossible, after.Facts.CpusOnline);
            Assert.Equal(1, after.Facts.VmCount);
            Assert.Equal("Completed", agentStatus.State);

            // every step in the agent's journal and in the orchestrator's store; the new kernel's agent closes the handover
            var rolloutId = status.GetProperty("id").GetString()!;
            var (record, events) = rollout.Stored(rolloutId);
            var stored = StoredAgentEvent.From(events.Where(e => e.Host == LabInputs.HostName));
            var journal = await agent.ReplayAsync(record.UpdateId!);
            Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence).Order());
            Assert.Equal(StoredAgentEvent.Streamed(journal), stored.Select(e => (e.Type, e.StepId)));
            foreach (var step in Steps)
            {
                foreach (var type in new[] { "StepStarted", "StepCompleted" })
                {
                    Assert.Contains(journal, e => e.StepId == step && e.Type == type);
                    Assert.Contains(stored, e => e.StepId == step && e.Type == type);
                }
            }

            Assert.Equal(after.Facts.BootId, stored.Single(e => e.StepId == "handover" && e.Type == "StepCompleted").BootId);
            Assert.Equal("Completed", journal[^1].State);
            Assert.Equal([before.Facts.BootId, after.Facts.BootId], journal.Select(e => e.BootId).Distinct());
            Assert.Equal([before.Facts.BootId, after.Facts.BootId], stored.Select(e => e.BootId).Distinct());

            var report = await rollout.ReportAsync(rolloutId);
            output.WriteLine(report.ToString());
            Assert.True(report.ExitCode == 0, report.ToString());
            Assert.Contains($"{OldKernel} -> {NewKernel}", report.Out, StringComparison.Ordinal);
            Assert.All(Steps, step => Assert.Contains($" {step}=", report.Out, StringComparison.Ordinal));

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

            var breakdown = BlackoutReport.Format(journal, agent.Lab.Serial, newKernel.Index, restored)
                + Environment.NewLine + OrchestrationReport.Format(plan, apply, record, events, stored);
            output.WriteLine(breakdown);

            // Also kept as a file, so `make test` (whose console shows no output of passing tests) prints it at the end.
            var summary = RepositoryRoot.Combine("artifacts", "e2e-blackout.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(summary)!);
            File.WriteAllText(summary, breakdown + Environment.NewLine);
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
