using System.Diagnostics;
using System.Globalization;
using LiveUpdate.Agent.Faults;
using LiveUpdate.Agent.Handover;
using LiveUpdate.Agent.Hosting;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Agent.Steps;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Runner;

/// <summary>The result of running one step or compensation: its outcome, or the error it ended with.</summary>
public sealed record StepRun(StepSpec Step, StepOutcome? Outcome, Exception? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Runs one step with its timeout, journaling before the action — durably, with what the step is
/// about to touch, so a crash inside it is known to have possibly acted and on what — and after it
/// (with what it did; made durable by the next record). This is the boundary where any exception
/// becomes a recorded outcome.
/// </summary>
public sealed class StepRunner(FileJournal journal, StepCatalog catalog, HostServices host, TimeProvider time, string bootId)
{
    /// <summary>The journal data key holding the step's kind, so later steps can find "the suspend step".</summary>
    public const string KindKey = "kind";

    // Read once, when the agent starts; only a sandbox (where the kernel switch is simulated) honours it.
    private readonly FaultInjection? _fault = FaultInjection.FromEnvironment(
        Environment.GetEnvironmentVariable, () => host.HandoverFor(HandoverDriverKind.Kexec) is SimHandoverDriver);

    /// <param name="compensates">For a compensation, the id of the step it undoes (its records carry that id).</param>
    public async Task<StepRun> RunAsync(UpdatePlan plan, Playbook playbook, StepSpec step, string? compensates, CancellationToken ct)
    {
        var (started, completed, failed) = compensates is not null
            ? (JournalRecordType.CompensationStarted, JournalRecordType.CompensationCompleted, JournalRecordType.CompensationFailed)
            : (JournalRecordType.StepStarted, JournalRecordType.StepCompleted, JournalRecordType.StepFailed);
        var journalId = compensates ?? step.Id;
        var handler = catalog.Get(step.Kind);
        var context = new StepContext { Plan = plan, Step = step, Playbook = playbook, History = journal.Latest!, Host = host, Time = time };
        var begin = time.GetTimestamp();
        using var span = Telemetry.StartStep(plan.UpdateId, step, context.History);
        try
        {
            using var timeout = new CancellationTokenSource(step.Timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            StepOutcome outcome;
            try
            {
                // The start record carries the intent and is durable before the step acts.
                var intent = await handler.IntendAsync(context, linked.Token).ConfigureAwait(false);
                Append(plan, started, journalId, intent.Message ?? $"{step.Kind} started", new Dictionary<string, string>(intent.Data) { [KindKey] = step.Kind });
                begin = time.GetTimestamp();
                outcome = await handler.RunAsync(context with { Intent = intent.Data }, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new StepFailedException(step.Id, $"timed out after {step.Timeout}", retryable: true, hint: "raise the step's timeout in the playbook if the host is just slow");
            }

            var data = new Dictionary<string, string>(outcome.Data)
            {
                ["elapsedMs"] = Ms(time.GetElapsedTime(begin)),
                ["externalMs"] = Ms(outcome.ExternalTime),
            };

            // The next record (a step's start or a state change, both durable) takes this one to disk.
            Append(plan, completed, journalId, $"{step.Kind} done", data, durability: Durability.WithNext);
            return new StepRun(step, outcome, null);
        }
        catch (Exception e) when (e is not ProcessEndingException)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            Append(plan, failed, journalId, e.Message, new Dictionary<string, string> { ["elapsedMs"] = Ms(time.GetElapsedTime(begin)) });
            return new StepRun(step, null, e);
        }
    }

    internal void Append(UpdatePlan plan, JournalRecordType type, string? stepId, string? message, IReadOnlyDictionary<string, string>? data, string? state = null, Durability durability = Durability.Now)
    {
        var record = journal.Append(new JournalRecord
        {
            Sequence = 0,
            UpdateId = plan.UpdateId,
            Type = type,
            At = time.GetUtcNow(),
            BootId = bootId,
            StepId = stepId,
            Message = message,
            Data = data,
            State = state,
        }, durability);
        _fault?.AfterWritten(record);
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
