namespace LiveUpdate.Host.Handover;

public enum HandoverMode
{
    /// <summary>Upstream kexec: the new kernel replaces the running one.</summary>
    Kexec,

    /// <summary>The multikernel RFC: the new kernel boots on an offline CPU while the old one still runs.</summary>
    Multikernel,

    /// <summary>Linux 6.19+ Live Update Orchestrator. Detected and reported only; no driver yet.</summary>
    Luo,
}
