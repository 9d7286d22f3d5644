using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveUpdate.Cli.Commands;

/// <summary>The writers of one invocation and the JSON settings every `--json` output shares.</summary>
internal sealed class CommandOutput(ParseResult parse)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public TextWriter Out { get; } = parse.InvocationConfiguration.Output;

    public TextWriter Error { get; } = parse.InvocationConfiguration.Error;

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>A one-line reason and, when known, the fix — the shape of every refusal.</summary>
    public int Fail(string reason, string? fix = null)
    {
        Error.WriteLine($"liveupdate: {reason}");
        if (fix is not null)
        {
            Error.WriteLine($"  fix: {fix}");
        }

        return ExitCodes.Failed;
    }
}
