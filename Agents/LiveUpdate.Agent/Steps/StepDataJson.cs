using System.Text.Json.Serialization;

namespace LiveUpdate.Agent.Steps;

[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StepDataJson : JsonSerializerContext;
