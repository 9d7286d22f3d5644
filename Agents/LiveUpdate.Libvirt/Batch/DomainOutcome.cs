namespace LiveUpdate.Libvirt;

/// <summary>
/// What happened to one domain in a batch. <paramref name="Changed"/> is false when the domain was already
/// in the wanted state (an idempotent no-op); on failure <paramref name="Error"/> holds libvirt's error.
/// </summary>
public sealed record DomainOutcome(string Name, bool Ok, bool Changed, LibvirtError? Error, TimeSpan Elapsed)
{
    public static DomainOutcome Success(string name, bool changed, TimeSpan elapsed) => new(name, true, changed, null, elapsed);

    public static DomainOutcome Failure(string name, LibvirtError error, TimeSpan elapsed) => new(name, false, false, error, elapsed);
}
