using System.ComponentModel.DataAnnotations;

namespace LiveUpdate.Libvirt;

/// <summary>How a <see cref="DomainBatch"/> spreads its work.</summary>
public sealed class DomainBatchOptions
{
    /// <summary>
    /// Domains handled at once. Suspend/resume are cheap and benefit little; save/restore are bound by the
    /// disk (or PMEM) bandwidth, where a handful in parallel keeps the device busy without thrashing it.
    /// </summary>
    [Range(1, 256)]
    public int MaxDegreeOfParallelism { get; set; } = 4;
}
