namespace LiveUpdate.Lab.Fleet;

/// <summary>The shape of a lab fleet.</summary>
public sealed record LabOptions
{
    public required string Directory { get; init; }

    public int Hosts { get; init; } = 12;

    public int VmsPerHost { get; init; } = 8;

    public int FailureDomains { get; init; } = 3;

    /// <summary>The first host's agent port on 127.0.0.1; host i listens on BasePort + i.</summary>
    public int BasePort { get; init; } = 17443;

    /// <summary>The kernel every lab host runs at first, and the one the lab bundle carries.</summary>
    public string FromRelease { get; init; } = "6.1.0-47-lab";

    public string ToRelease { get; init; } = "6.1.0-50-lab";

    /// <summary>
    /// Hosts on which CPU hotplug will refuse to offline (their cpuN/online cannot be written), so an
    /// update fails before the point of no return and is rolled back — the demo's planned failure.
    /// </summary>
    public IReadOnlyList<string> FaultyHosts { get; init; } = [];

    public IEnumerable<string> Validate()
    {
        if (Hosts is < 1 or > 200)
        {
            yield return $"--hosts {Hosts}: a lab has 1 to 200 hosts";
        }

        if (VmsPerHost is < 0 or > 100)
        {
            yield return $"--vms {VmsPerHost}: a lab host has 0 to 100 VMs";
        }

        if (FailureDomains < 1 || FailureDomains > Hosts)
        {
            yield return $"--domains {FailureDomains}: between 1 and the number of hosts ({Hosts})";
        }

        foreach (var host in FaultyHosts.Where(h => !LabHostSpec.For(this).Any(s => s.Name == h)))
        {
            yield return $"--faulty {host}: no such lab host (hosts are hv-01 to hv-{Hosts:00})";
        }

        if (BasePort is < 1024 or > 65000)
        {
            yield return $"--base-port {BasePort}: between 1024 and 65000";
        }
    }
}
