using System.Text.Json;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Steps;

/// <summary>
/// How steps write lists into their journal data (flat string pairs): JSON arrays, so any VM name
/// survives the round trip.
/// </summary>
public static class StepData
{
    public const string Vms = "vms";
    public const string Images = "images";
    public const string Cpu = "cpu";

    public static string EncodeList(IEnumerable<string> items) => JsonSerializer.Serialize(items.ToArray(), StepDataJson.Default.StringArray);

    public static IReadOnlyList<string> DecodeList(IReadOnlyDictionary<string, string>? data, string key) =>
        data is not null && data.TryGetValue(key, out var json)
            ? JsonSerializer.Deserialize(json, StepDataJson.Default.StringArray) ?? []
            : [];

    public static string EncodeImages(IEnumerable<DomainImage> images) =>
        JsonSerializer.Serialize(images.ToDictionary(i => i.Name, i => i.Path), StepDataJson.Default.DictionaryStringString);

    public static IReadOnlyList<DomainImage> DecodeImages(IReadOnlyDictionary<string, string>? data) =>
        data is not null && data.TryGetValue(Images, out var json)
            ? (JsonSerializer.Deserialize(json, StepDataJson.Default.DictionaryStringString) ?? []).Select(kv => new DomainImage(kv.Key, kv.Value)).ToList()
            : [];

    /// <summary>Fails the step naming every VM libvirt refused, with libvirt's own message for each.</summary>
    public static void ThrowIfAnyFailed(string stepId, string verb, IReadOnlyList<DomainOutcome> outcomes)
    {
        var failed = outcomes.Where(o => !o.Ok).ToList();
        if (failed.Count > 0)
        {
            // One libvirt message per distinct error, with the VMs it hit: eight VMs failing alike read as one line.
            var detail = string.Join("; ", failed.GroupBy(f => f.Error?.Message?.Replace(f.Name, "{vm}", StringComparison.Ordinal) ?? "unknown error")
                .Select(g => $"{string.Join(", ", g.Select(f => f.Name))}: {g.First().Error?.Message}"));
            throw new StepFailedException(stepId, $"could not {verb} {failed.Count} of {outcomes.Count} VMs: {detail}", retryable: true);
        }
    }
}
