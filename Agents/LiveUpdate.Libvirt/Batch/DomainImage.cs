namespace LiveUpdate.Libvirt;

/// <summary>A domain and the file its state is saved to (or restored from); <paramref name="Xml"/> optionally replaces its definition.</summary>
public sealed record DomainImage(string Name, string Path, string? Xml = null);
