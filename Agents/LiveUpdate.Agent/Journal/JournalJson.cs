using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveUpdate.Agent.Journal;

/// <summary>
/// The journal's JSON, generated at build time: no reflection when the first record is written after
/// a kernel switch (that write is inside the VM blackout), and nothing for NativeAOT to trim away.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalRecord))]
internal sealed partial class JournalJson : JsonSerializerContext;
