using System.Text.RegularExpressions;
using LiveUpdate.Playbooks.Loading.Yaml;

namespace LiveUpdate.Playbooks.Loading;

/// <summary>Reads the top level of a playbook document; steps are left to <see cref="StepReader"/>.</summary>
internal static partial class PlaybookDocumentReader
{
    public const string ApiVersion = "liveupdate.dev/v1";
    public const string Kind = "Playbook";

    public static readonly string[] TopLevelKeys =
        ["apiVersion", "kind", "name", "description", "handover", "preservation", "pointOfNoReturn", "steps", "compensations"];

    public static PlaybookDraft? Read(YamlNode root, ErrorSink errors)
    {
        if (root is not YamlMapping mapping)
        {
            errors.Add(root.Position, $"a playbook is a mapping starting with 'apiVersion: {ApiVersion}', not {root.Describe()}");
            return null;
        }

        var reader = new MappingReader(mapping, "the playbook", errors);
        reader.RejectUnknownKeys(TopLevelKeys);
        ExpectConstant(reader, "apiVersion", ApiVersion);
        ExpectConstant(reader, "kind", Kind);

        var name = reader.RequiredText("name");
        if (name is not null && !NamePattern().IsMatch(name.Value))
        {
            errors.Add(name.Position, $"playbook name '{name.Value}' must be lowercase letters, digits and dashes, starting with a letter");
        }

        var steps = reader.List("steps", required: true);
        if (steps is { Items.Count: 0 })
        {
            errors.Add(steps.Position, "'steps' is empty; a playbook needs at least a handover step");
        }

        return new PlaybookDraft(
            name?.Value,
            reader.OptionalText("description")?.Value ?? "",
            ReadHandover(reader),
            ReadPreservation(reader),
            reader.RequiredText("pointOfNoReturn"),
            [.. (steps?.Items ?? []).Select(s => StepReader.ReadStep(s, errors)).OfType<StepDraft>()],
            [.. (reader.List("compensations", required: false)?.Items ?? []).Select(c => StepReader.ReadCompensation(c, errors)).OfType<CompensationDraft>()]);
    }

    private static HandoverDriverKind? ReadHandover(MappingReader reader)
    {
        var text = reader.RequiredText("handover");
        if (text is null)
        {
            return null;
        }

        if (PlaybookNames.TryParseHandover(text.Value, out var handover))
        {
            return handover;
        }

        reader.Errors.Add(text.Position, $"unknown handover '{text.Value}'; expected one of: {string.Join(", ", PlaybookNames.AllHandovers)}");
        return null;
    }

    private static PreservationMethod? ReadPreservation(MappingReader reader)
    {
        // Optional: most hosts suspend into PMEM, so that is what an unspecified playbook means.
        var text = reader.OptionalText("preservation");
        if (text is null)
        {
            return reader.Mapping.Find("preservation") is null or YamlScalar { IsNull: true } ? PreservationMethod.PmemSave : null;
        }

        if (PlaybookNames.TryParsePreservation(text.Value, out var preservation))
        {
            return preservation;
        }

        reader.Errors.Add(text.Position, $"unknown preservation '{text.Value}'; expected one of: {string.Join(", ", PlaybookNames.AllPreservations)}");
        return null;
    }

    private static void ExpectConstant(MappingReader reader, string key, string expected)
    {
        // Optional, so a playbook can be as short as the example in the docs, but never wrong.
        var text = reader.OptionalText(key);
        if (text is not null && text.Value != expected)
        {
            reader.Errors.Add(text.Position, $"'{key}' must be '{expected}', not '{text.Value}'");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}
