namespace LiveUpdate.Host.Pmem;

/// <summary>A libnvdimm namespace from <c>/sys/bus/nd/devices/namespaceX.Y</c>.</summary>
/// <param name="Mode">From <c>mode</c>: <c>raw</c>, <c>fsdax</c> (older kernels: <c>memory</c>), <c>devdax</c> or <c>sector</c>.</param>
/// <param name="BlockDevice">The <c>pmemN</c> the namespace exposes, when it has one.</param>
public sealed record NdNamespace(string Name, string? Mode, ulong? SizeBytes, string? BlockDevice);
