using System.Text.Json.Nodes;

namespace LiveUpdate.Playbooks.Tests.Schema;

public sealed class PlaybookSchemaTests
{
    [Fact]
    [Trait("Category", "generated")]
    public void Generate_CheckedInSchema_IsUpToDate()
    {
        GeneratedFile.AssertUpToDate("Playbooks/schema/playbook.schema.json", PlaybookSchema.Generate());
    }

    [Fact]
    public void Generate_EveryKind_HasWithDefinitionMatchingCatalog()
    {
        var definitions = JsonNode.Parse(PlaybookSchema.Generate())!["$defs"]!;

        foreach (var kind in StepKindCatalog.All)
        {
            var properties = definitions[$"with-{kind.Name}"]!["properties"]!.AsObject();
            Assert.Equal(kind.Parameters.Select(p => p.Name), properties.Select(p => p.Key));
        }
    }

    [Fact]
    public void Generate_SaveVms_RequiresTargetThroughIfThen()
    {
        var schema = JsonNode.Parse(PlaybookSchema.Generate())!;

        var rule = schema["$defs"]!["step"]!["allOf"]!.AsArray()
            .Single(r => r!["if"]!["properties"]!["kind"]!["const"]!.GetValue<string>() == StepKinds.SaveVms)!;
        Assert.Equal("#/$defs/with-save-vms", rule["then"]!["properties"]!["with"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["with"], rule["then"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["target"], schema["$defs"]!["with-save-vms"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Generate_CompensationKinds_AreOnlyThoseAllowed()
    {
        var schema = JsonNode.Parse(PlaybookSchema.Generate())!;

        var kinds = schema["$defs"]!["compensation"]!["properties"]!["kind"]!["oneOf"]!.AsArray()
            .Select(k => k!["const"]!.GetValue<string>());
        Assert.Equal(StepKindCatalog.CompensationNames, kinds);
    }

    [Fact]
    public void Generate_Defaults_HaveJsonTypes()
    {
        var withSave = JsonNode.Parse(PlaybookSchema.Generate())!["$defs"]!["with-save-vms"]!["properties"]!;

        Assert.Equal(4, withSave["parallelism"]!["default"]!.GetValue<int>());
        Assert.True(withSave["bypass-cache"]!["default"]!.GetValue<bool>());
    }
}
