namespace LiveUpdate.Playbooks;

/// <summary>How the old kernel hands the host over to the new one (the playbook's <c>handover</c> key).</summary>
public enum HandoverDriverKind
{
    /// <summary><c>kexec</c>: upstream kexec replaces the running kernel.</summary>
    Kexec,

    /// <summary><c>multikernel</c>: the new kernel boots on an offlined CPU while the old one still runs.</summary>
    Multikernel,

    /// <summary><c>luo</c>: the Live Update Orchestrator of Linux 6.19+ (<c>/dev/liveupdate</c>).</summary>
    Luo,
}
