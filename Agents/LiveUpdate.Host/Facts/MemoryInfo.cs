namespace LiveUpdate.Host.Facts;

/// <summary>From <c>/proc/meminfo</c>, in bytes.</summary>
public sealed record MemoryInfo(ulong TotalBytes, ulong AvailableBytes);
