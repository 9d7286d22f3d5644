using LiveUpdate.Agent.Api.V1;
using LiveUpdate.E2E.Tests.Agent;
using LiveUpdate.E2E.Tests.Lab;
using Xunit.Abstractions;

namespace LiveUpdate.E2E.Tests.Scenarios;

/// <summary>
/// A correctly signed bundle whose kernel the running kernel refuses to load, with the load placed after
/// the VMs were saved and a CPU went offline (Playbooks/late-load-kexec.yaml): the agent must undo all of
/// it in the old kernel, for real.
/// </summary>
[Collection(LabCollection.Name)]
[Trait("Category", "e2e")]
public sealed class RollbackTests(LabFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const string UpdateId = "e2e-rollback";
    private readonly TempDirectory _scratch = new("e2e-rollback");

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Execute_KernelThatCannotBeLoaded_RollsBackInTheOldKernel()
    {
        var inputs = fixture.Inputs;
        var bundleDirectory = _scratch.Combine("bundle");
        var bundle = LabBundles.UnloadableKernel(inputs, _scratch.Path, bundleDirectory);
        await using var agent = await LabAgent.StartAsync(inputs, inputs.RunDirectory("rollback"));
        try
        {
            var before = await agent.DescribeAsync();
            await LabBundles.StageAsync(agent.Client, bundleDirectory, bundle.Digest, TimeSpan.FromMinutes(3));
            var playbook = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Playbooks", "late-load-kexec.yaml"));
            var prepared = await agent.PrepareAsync(UpdateId, bundle.Digest, playbook);
            Assert.True(prepared.Accepted, "Prepare refused:\n" + LabAgent.Reasons(prepared.Reasons));

            var follower = agent.Follower();
            var end = await follower.RunAsync(agent.Connection, UpdateId, agent.ListeningIndex + 1, TimeSpan.FromMinutes(4));
            var events = follower.Events;
            output.WriteLine(string.Join("\n", events.Select(e => $"{e.Sequence,3} {e.Type,-22} {e.StepId,-12} {e.State,-12} {e.Message}")));

            Assert.Equal("RolledBack", end);
            Assert.Equal(0, follower.Reattachments);
            Assert.Contains(events, e => e.StepId == "offline-cpu" && e.Type == "StepCompleted");
            Assert.Contains(events, e => e.StepId == "load" && e.Type == "StepFailed");
            foreach (var undone in new[] { "offline-cpu", "save", "suspend" })
            {
                Assert.Contains(events, e => e.StepId == undone && e.Type == "CompensationCompleted");
            }

            Assert.DoesNotContain(events, e => e.StepId == "handover");
            var after = await agent.DescribeAsync();
            var status = await agent.Client.StatusAsync(new StatusRequest());
            Assert.Equal("RolledBack", status.State);
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
}
