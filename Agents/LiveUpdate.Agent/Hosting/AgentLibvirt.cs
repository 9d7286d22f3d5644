using LiveUpdate.Agent.Vms;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Hosting;

/// <summary>
/// The one libvirt connection of the agent's life and the VMs over it. Disposes the connection only
/// when it opened it.
/// </summary>
internal sealed class AgentLibvirt : IDisposable
{
    private readonly bool _owned;

    public AgentLibvirt(LibvirtConnection connection, bool owned, IVirtualMachines vms)
    {
        Connection = connection;
        Vms = vms;
        _owned = owned;
    }

    public LibvirtConnection Connection { get; }

    public IVirtualMachines Vms { get; }

    public void Dispose()
    {
        if (_owned)
        {
            Connection.Dispose();
        }
    }
}
