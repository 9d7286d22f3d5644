using LiveUpdate.Orchestrator.Rollout;

namespace LiveUpdate.Orchestrator.Engine;

/// <summary>What the decider wants done next. The engine commits each decision, then acts on it.</summary>
public abstract record RolloutDecision;

/// <summary>Admit a pending host: it enters the critical-section count now.</summary>
public sealed record StartHost(string Host) : RolloutDecision;

/// <summary>Ask an in-flight host's agent to abort (honoured only before its point of no return).</summary>
public sealed record AbortHost(string Host, string Reason) : RolloutDecision;

/// <summary>A pending host will not be started: the rollout ended before its turn.</summary>
public sealed record MarkNotStarted(string Host, string Reason) : RolloutDecision;

/// <summary>Move the rollout through its state machine; <see cref="Progress"/> is written in the same commit.</summary>
public sealed record FireTrigger(RolloutTrigger Trigger, string Reason, WaveProgress? Progress = null) : RolloutDecision;

/// <summary>Evaluate the spec's after-wave gates of a finished wave.</summary>
public sealed record RunWaveGates(int Wave) : RolloutDecision;

/// <summary>Nothing to do before <see cref="At"/> (unless something happens first).</summary>
public sealed record WaitUntil(DateTimeOffset At, string Reason) : RolloutDecision;

/// <summary>The rollout's wave bookkeeping after a trigger.</summary>
public sealed record WaveProgress(int CurrentWave, DateTimeOffset? WaveEndedAt);
