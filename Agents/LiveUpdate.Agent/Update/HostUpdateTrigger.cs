namespace LiveUpdate.Agent.Update;

/// <summary>The events that move a host update from one state to the next.</summary>
public enum HostUpdateTrigger
{
    Prepare,
    PrepareSucceeded,
    PrepareFailed,
    Execute,
    Abort,
    StepFailed,
    PointOfNoReturnReached,
    HandoverReturned,
    NewKernelDetected,
    OldKernelDetected,
    KernelUnknown,
    AgentRestarted,
    RecoverySucceeded,
    RecoveryFailed,
    CompensationSucceeded,
    CompensationFailed,
    Acknowledge,
}
