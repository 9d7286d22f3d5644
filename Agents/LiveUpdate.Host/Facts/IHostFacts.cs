namespace LiveUpdate.Host.Facts;

/// <summary>Reads the running kernel's facts from procfs and sysfs.</summary>
public interface IHostFacts
{
    /// <summary>Never throws for a missing or unreadable file; that fact carries the reason instead.</summary>
    Task<HostFactsSnapshot> CaptureAsync(CancellationToken ct);
}
