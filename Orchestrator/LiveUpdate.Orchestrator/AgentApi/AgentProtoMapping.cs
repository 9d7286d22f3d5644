using LiveUpdate.Agent.Api.V1;

namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>Wire messages to the orchestrator's records; nothing else in the orchestrator sees protobuf types.</summary>
internal static class AgentProtoMapping
{
    public static AgentEvent ToEvent(UpdateEvent e) => new(
        e.Sequence,
        e.UpdateId,
        e.Type,
        e.At?.ToDateTimeOffset() ?? DateTimeOffset.MinValue,
        e.State,
        e.StepId,
        e.Message,
        new Dictionary<string, string>(e.Data, StringComparer.Ordinal),
        e.BootId);

    public static AgentDescription ToDescription(DescribeResponse r) => new(
        r.HostName,
        r.Facts?.KernelRelease ?? "",
        r.Facts?.BootId ?? "",
        r.Facts?.BundleDigest ?? "",
        r.Facts?.VmCount ?? 0,
        (long)(r.Facts?.VmMemoryBytes ?? 0),
        [.. r.Preflight.Where(p => p.Ready).Select(p => p.Playbook)])
    {
        PmemFreeBytes = (long)(r.Facts?.PmemFreeBytes ?? 0),
        CpusOnline = r.Facts?.CpusOnline ?? 0,
        NotReadyReasons = r.Preflight.Where(p => !p.Ready).ToDictionary(
            p => p.Playbook,
            p => (IReadOnlyList<string>)[.. p.Reasons.Select(x => string.IsNullOrEmpty(x.Fix) ? $"{x.Code}: {x.Message}" : $"{x.Code}: {x.Message} (fix: {x.Fix})")]),
    };

    public static AgentPrepareResult ToPrepare(PrepareResponse r) => new(
        r.Accepted,
        [.. r.Reasons.Select(x => string.IsNullOrEmpty(x.Fix) ? $"{x.Code}: {x.Message}" : $"{x.Code}: {x.Message} (fix: {x.Fix})")],
        r.NextCommandLine);

    public static AgentStatus ToStatus(StatusResponse r) => new(r.UpdateId, r.State, r.LastSequence, r.KernelRelease, r.BootId);
}
