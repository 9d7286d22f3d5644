using System.Text.Json.Serialization;

namespace LiveUpdate.Host.Kexec;

/// <summary>Source-generated so the agent stays trimming- and NativeAOT-safe.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SandboxKexecImage))]
[JsonSerializable(typeof(SandboxKexecExecution))]
internal sealed partial class SandboxKexecJson : JsonSerializerContext;
