using LiveUpdate.Agent.Handover;
using LiveUpdate.Agent.Vms;
using LiveUpdate.Libvirt;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// What a test replaces in an otherwise real agent. Production passes none of these.
/// </summary>
internal sealed class AgentHooks
{
    public static AgentHooks None { get; } = new();

    /// <summary>
    /// A connection that outlives this agent (libvirt's test driver keeps its state in the connection,
    /// as libvirtd outlives a restarted agent). The agent does not dispose it.
    /// </summary>
    public LibvirtConnection? Libvirt { get; init; }

    public IProcessTerminator? Terminator { get; init; }

    /// <summary>Wraps the VMs the steps act on, e.g. to hold a step at a known point.</summary>
    public Func<IVirtualMachines, IVirtualMachines>? WrapVms { get; init; }

    public Action<ILoggingBuilder>? Logging { get; init; }

    public TimeProvider? Time { get; init; }
}
