using LiveUpdate.Lab.Libvirtd;

namespace LiveUpdate.Libvirt.Tests.Libvirtd;

/// <summary>
/// A real libvirtd with the QEMU driver, private to the test run (the lab's <see cref="PrivateLibvirtd"/>),
/// with one connection for all tests as the agent would hold it. Guests are destroyed and the daemon stopped
/// afterwards. Needs root and the libvirt-daemon, libvirt-daemon-driver-qemu and qemu-system-x86 packages.
/// </summary>
public sealed class LibvirtdFixture : IAsyncLifetime
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _dir = new("libvirtd");
    private PrivateLibvirtd? _daemon;
    private LibvirtConnection? _connection;

    public string Uri => _daemon?.QemuUri ?? throw new InvalidOperationException("libvirtd fixture is not started");

    public LibvirtConnection Connection => _connection ?? throw new InvalidOperationException("libvirtd fixture is not started");

    /// <summary>A directory for save images and guest serial logs; QEMU runs as root, so it may write here.</summary>
    public string WorkDirectory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        WorkDirectory = Directory.CreateDirectory(_dir.Combine("work")).FullName;
        _daemon = await PrivateLibvirtd.StartAsync(new PrivateLibvirtdOptions { Directory = _dir.Combine("libvirtd"), HypervisorDrivers = true });

        // The first connection waits for the QEMU driver's capability probing, which takes seconds.
        _connection = await Task.Run(() => LibvirtConnection.Open(Uri)).WaitAsync(ConnectTimeout);
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var domain in _connection?.ListDomains(DomainListFilter.Active) ?? [])
            {
                using (domain)
                {
                    domain.Destroy();
                }
            }
        }
        finally
        {
            _connection?.Dispose();
            if (_daemon is not null)
            {
                await _daemon.DisposeAsync();
            }

            _dir.Dispose();
        }
    }
}
