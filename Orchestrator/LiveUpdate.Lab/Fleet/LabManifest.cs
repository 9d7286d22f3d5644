using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveUpdate.Lab.Fleet;

/// <summary>What `lab up` created, so later commands (supervise, status, down, demo) act on exactly that lab.</summary>
public sealed record LabManifest(LabOptions Options, IReadOnlyList<LabHostSpec> Hosts)
{
    public void Write(LabFiles files) =>
        File.WriteAllText(files.Manifest, JsonSerializer.Serialize(this, LabJson.Default.LabManifest));

    public static LabManifest Read(LabFiles files)
    {
        if (!File.Exists(files.Manifest))
        {
            throw new LabException($"no lab in {files.Directory} (no lab.json)", "start one with `liveupdate lab up --dir " + files.Directory + "`");
        }

        return JsonSerializer.Deserialize(File.ReadAllText(files.Manifest), LabJson.Default.LabManifest)
            ?? throw new LabException($"{files.Manifest} is empty", "remove the directory and run `liveupdate lab up` again");
    }
}

/// <summary>The supervisor's own record: its pid, and whether every host is up.</summary>
public sealed record SupervisorState(int ProcessId, bool Ready, IReadOnlyDictionary<string, int> AgentRestarts);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LabManifest))]
[JsonSerializable(typeof(SupervisorState))]
internal sealed partial class LabJson : JsonSerializerContext;
