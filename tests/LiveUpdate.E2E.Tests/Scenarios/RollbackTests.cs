using LiveUpdate.Agent.Api.V1;
using LiveUpdate.E2E.Tests.Agent;
using LiveUpdate.E2E.Tests.Lab;
using LiveUpdate.E2E.Tests.Orchestration;
using LiveUpdate.Orchestrator.Store;
using Xunit.Abstractions;

namespace LiveUpdate.E2E.Tests.Scenarios;

/// <summary>
/// A correctly signed bundle whose kernel the running kernel refuses to load, with the load placed after
/// the VMs were saved and a CPU went offline (Playbooks/late-load-kexec.yaml), rolled out by the
/// orchestrator: the agent must undo all of it in the old kernel, for real, and the rollout — one host
/// rolled back, within its failure budget of one — still completes.
/// </summary>
[Collection(LabCollection.Name)]
[Trait("Category", "e2e")]
public sealed class RollbackTests(LabFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _scratch = new("e2e-rollback");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Apply_KernelThatCannotBeLoaded_HostRolledBackInTheOldKernel()
    {
        var inputs = fixture.Inputs;
        var bundleDirectory = _scratch.Combine("bundle");
        LabBundles.UnloadableKernel(inputs, _scratch.Path, bundleDirectory);
        await using var agent = await LabAgent.StartAsync(inputs, inputs.RunDirectory("rollback"));
        try
        {
            var before = await agent.DescribeAsync();
            var playbook = LateLoadPlaybook(_scratch.Combine("late-load-kexec.yaml"));
            var rollout = new LabRollout(inputs, _scratch.Combine("orchestrator"), agent.Lab.Port, "e2e-rollback", playbook, bundleDirectory);
            var plan = await rollout.PlanAsync();
            output.WriteLine(plan.ToString());
            Assert.True(plan.ExitCode == 0, plan.ToString());
            Assert.Contains("1 host(s) in 1 wave(s), 0 excluded", plan.Out, StringComparison.Ordinal);

            var apply = await rollout.ApplyAsync(TimeSpan.FromMinutes(8));
            output.WriteLine(apply.ToString());
            Assert.True(apply.ExitCode == 0, "a host rolled back within the failure budget must leave the rollout completed:\n" + apply);

            var status = await rollout.StatusAsync();
            var host = status.GetProperty("hosts").EnumerateArray().Single();
            Assert.Equal("Completed", status.GetProperty("state").GetString());
            Assert.Equal("RolledBack", host.GetProperty("phase").GetString());

            var (record, events) = rollout.Stored(status.GetProperty("id").GetString()!);
            var stored = StoredAgentEvent.From(events.Where(e => e.Host == LabInputs.HostName));
            var journal = await agent.ReplayAsync(record.UpdateId!);
            output.WriteLine(string.Join("\n", journal.Select(e => $"{e.Sequence,3} {e.Type,-22} {e.StepId,-12} {e.State,-12} {e.Message}")));
            Assert.Equal(StoredAgentEvent.Streamed(journal), stored.Select(e => (e.Type, e.StepId)));
            var loadFailed = journal.Single(e => e.StepId == "load" && e.Type == "StepFailed");
            Assert.Equal(HostPhase.RolledBack, record.Phase);
            Assert.Equal("rolled back: " + loadFailed.Message, record.Reason);
            Assert.Equal(record.Reason, host.GetProperty("reason").GetString());
            Assert.Equal("RolledBack", journal[^1].State);
            Assert.Contains(stored, e => e.StepId == "offline-cpu" && e.Type == "StepCompleted");
            Assert.Contains(stored, e => e.StepId == "load" && e.Type == "StepFailed");
            foreach (var undone in new[] { "offline-cpu", "save", "suspend" })
            {
                Assert.Contains(stored, e => e.StepId == undone && e.Type == "CompensationCompleted");
            }

            Assert.DoesNotContain(stored, e => e.StepId == "handover");
            Assert.Equal([before.Facts.BootId], stored.Select(e => e.BootId).Distinct());

            var after = await agent.DescribeAsync();
            var agentStatus = await agent.Client.StatusAsync(new StatusRequest());
            Assert.Equal("RolledBack", agentStatus.State);
            Assert.Equal(before.Facts.BootId, after.Facts.BootId);
            Assert.Equal("6.1.0-47-cloud-amd64", after.Facts.KernelRelease);
            Assert.Equal(after.Facts.CpusPossible, after.Facts.CpusOnline);
            Assert.Equal(1, after.Facts.VmCount);

            // the VM runs again with its state: ticks continue from where the save stopped them, no second boot
            var rolledBack = agent.Lab.Serial.Lines.Count;
            await agent.Lab.Serial.WaitForAsync(CounterTicks.IsTick, rolledBack, TimeSpan.FromMinutes(1), "a counter tick after the rollback");
            var ticks = CounterTicks.From(agent.Lab.Serial.Lines);
            Assert.Equal(1, ticks.Boots);
            Assert.True(ticks.Consecutive, "the counter skipped or restarted: " + ticks.Values);
            var kernelState = agent.Lab.Serial.Lines.Last(l => l.Text.Contains("KERNEL_STATE", StringComparison.Ordinal)).Text;
            Assert.Contains("kexec_loaded=0 cpus_online=0-1", kernelState, StringComparison.Ordinal);
        }
        catch
        {
            output.WriteLine("serial console (tail):\n" + agent.Lab.Serial.Tail(80));
            throw;
        }
    }

    /// <summary>
    /// The test playbook, as a file the spec names by path. It is installed nowhere on the host: the plan gets its
    /// preflight by sending its text with Describe, and the agent checks it again at Prepare.
    /// </summary>
    private static string LateLoadPlaybook(string path)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Playbooks", "late-load-kexec.yaml"), path);
        return path;
    }
}
