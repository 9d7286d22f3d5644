namespace LiveUpdate.Playbooks;

public enum StepParameterType
{
    Int,
    String,
    Bool,
    Duration,
    Enum,
}
