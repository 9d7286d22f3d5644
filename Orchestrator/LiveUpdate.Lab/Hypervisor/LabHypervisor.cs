using LiveUpdate.Lab.Libvirtd;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Lab.Hypervisor;

/// <summary>
/// The hypervisor of one lab host: a private libvirtd serving libvirt's test driver, and a keeper
/// connection that holds the test driver's state for as long as the host lives — the way a real
/// libvirtd keeps its VMs while the agent restarts. The keeper also lets the lab check, independently
/// of the agent, that every VM is accounted for.
/// </summary>
public sealed class LabHypervisor : IAsyncDisposable
{
    private readonly PrivateLibvirtd _daemon;
    private readonly LibvirtConnection _keeper;

    private LabHypervisor(PrivateLibvirtd daemon, LibvirtConnection keeper)
    {
        _daemon = daemon;
        _keeper = keeper;
    }

    /// <summary>What the host's agent connects to.</summary>
    public string Uri => _daemon.TestDriverUri;

    public int? ProcessId => _daemon.ProcessId;

    /// <param name="readOnlyPaths">Paths this host's libvirtd may not write (a fault the lab injects on purpose).</param>
    public static async Task<LabHypervisor> StartAsync(string directory, IReadOnlyList<LabVm> vms, IReadOnlyList<string> readOnlyPaths, CancellationToken ct)
    {
        var options = new PrivateLibvirtdOptions { Directory = directory, ReadOnlyPaths = readOnlyPaths };
        var daemon = await PrivateLibvirtd.StartAsync(options, ct).ConfigureAwait(false);
        try
        {
            var keeper = LibvirtConnection.Open(daemon.TestDriverUri);
            RemoveDefaultDomains(keeper);
            foreach (var vm in vms)
            {
                keeper.CreateXml(vm.ToDomainXml()).Dispose();
            }

            return new LabHypervisor(daemon, keeper);
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Every domain libvirt knows on this host, with its state, as the hypervisor sees it.</summary>
    public IReadOnlyList<(string Name, DomainState State)> Domains()
    {
        var domains = _keeper.ListDomains(DomainListFilter.All);
        try
        {
            return domains.Select(d => (d.Name, d.GetState().State)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        }
        finally
        {
            foreach (var d in domains)
            {
                d.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _keeper.Dispose();
        await _daemon.DisposeAsync().ConfigureAwait(false);
    }

    // test:///default starts with one domain named "test"; a lab host has only the VMs it was given.
    private static void RemoveDefaultDomains(LibvirtConnection keeper)
    {
        foreach (var domain in keeper.ListDomains(DomainListFilter.All))
        {
            using (domain)
            {
                if (domain.IsActive)
                {
                    domain.Destroy();
                }

                if (domain.IsPersistent)
                {
                    domain.Undefine();
                }
            }
        }
    }
}
