using System.Text.Json;
using Json.Schema;
using LiveUpdate.Playbooks.Tests.Loading;

namespace LiveUpdate.Playbooks.Tests.Schema;

/// <summary>Runs the generated schema through a real JSON Schema validator, as an editor would.</summary>
public sealed class PlaybookSchemaValidationTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        PlaybookSchema.Generate(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static TheoryData<string> Names => [.. ShippedPlaybooks.Names];

    private static EvaluationResults Evaluate(string yaml)
    {
        var json = JsonSerializer.SerializeToElement(YamlToJson.Convert(yaml));
        return Schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluate_ShippedPlaybook_IsValid(string name)
    {
        var results = Evaluate(File.ReadAllText(ShippedPlaybooks.PathOf(name)));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Evaluate_MinimalPlaybook_IsValid()
    {
        var results = Evaluate(TestPlaybooks.Minimal);

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Evaluate_BrokenPlaybook_IsInvalid()
    {
        Assert.False(Evaluate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "broken.yaml"))).IsValid);
    }

    [Theory]
    [InlineData("kind: save-vms\n    timeout: 2m")]
    [InlineData("kind: save-vms\n    timeout: 2m\n    with: { parallelism: 2 }")]
    [InlineData("kind: resume-vms\n    timeout: 2m\n    with: { target: /x }")]
    [InlineData("kind: resume-vms\n    timeout: 2m\n    with: { parallelism: \"8\" }")]
    [InlineData("kind: offline-cpu\n    timeout: 2m\n    with: { cpu: highest }")]
    [InlineData("kind: load-kernel\n    timeout: 2 minutes")]
    [InlineData("kind: reboot\n    timeout: 2m")]
    public void Evaluate_StepTheLoaderRejects_IsInvalid(string step)
    {
        var yaml = TestPlaybooks.Minimal.Replace("kind: load-kernel\n    timeout: 2m", step, StringComparison.Ordinal);
        Assert.False(TestPlaybooks.Load(yaml).Succeeded);

        Assert.False(Evaluate(yaml).IsValid);
    }
}
