using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Runner;
using LiveUpdate.Agent.Steps;
using LiveUpdate.Agent.Update;
using LiveUpdate.Host.Roots;
using LiveUpdate.Playbooks;
using Microsoft.Extensions.Logging;
using Stateless;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// What every part of the daemon shares for its life: the journal, the host drivers, the runners and
/// the boot the agent runs in. The boot id is read once: a new boot means a new agent process.
/// </summary>
internal sealed class AgentRuntime
{
    public AgentRuntime(AgentOptions options, FileJournal journal, HostServices host, StepCatalog catalog, TimeProvider time, ILogger<UpdateRunner>? logger = null)
    {
        Options = options;
        Journal = journal;
        Host = host;
        Time = time;
        BootId = File.ReadAllText(host.Root.Resolve(HostPaths.BootId)).Trim();
        Steps = new StepRunner(journal, catalog, host, time, BootId);
        Updates = new UpdateRunner(journal, Steps, logger);
    }

    public AgentOptions Options { get; }

    public FileJournal Journal { get; }

    public HostServices Host { get; }

    public TimeProvider Time { get; }

    public string BootId { get; }

    public StepRunner Steps { get; }

    public UpdateRunner Updates { get; }

    public bool IsSandbox => Options.Sandbox is not null;

    public UpdateHistory? Latest => Journal.Latest;

    public string BundleDirectory(string digest) => Path.Combine(Options.StateDirectory, "bundles", digest);

    public string UpdateDirectory(string updateId) => Path.Combine(Options.StateDirectory, "updates", updateId);

    public static UpdatePlan PlanOf(UpdateHistory history) => UpdatePlan.FromJournalData(history.UpdateId, history.Plan);

    /// <summary>The playbook text saved at Prepare: the agent runs exactly what it accepted, even after a restart.</summary>
    public static Playbook LoadPlaybook(UpdatePlan plan) => PlaybookLoader.LoadFile(plan.PlaybookPath).GetPlaybookOrThrow();

    /// <summary>The host update machine over the journal, for transitions made outside the runner (prepare, abort before execute).</summary>
    public StateMachine<HostUpdateState, HostUpdateTrigger> MachineFor(UpdatePlan plan) => HostUpdateStateMachine.Create(
        () => Latest?.State ?? HostUpdateState.Idle,
        s => Steps.Append(plan, JournalRecordType.StateChanged, null, $"state {s}", null, s.ToString()));
}
