namespace LiveUpdate.Lab.Libvirtd;

/// <summary>How a private libvirtd is set up.</summary>
public sealed record PrivateLibvirtdOptions
{
    /// <summary>Where its configuration, sockets, logs and state live (created if missing).</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Load the hypervisor drivers (QEMU). Off, the daemon serves only libvirt's built-in test driver:
    /// it starts in a fraction of a second and holds test domains for any number of clients.
    /// </summary>
    public bool HypervisorDrivers { get; init; }

    /// <summary>
    /// Paths the daemon sees read-only (the rest of the machine sees them unchanged). The lab uses this
    /// to make one host's VM-state filesystem refuse writes, so its update fails before the point of no return.
    /// </summary>
    public IReadOnlyList<string> ReadOnlyPaths { get; init; } = [];

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
