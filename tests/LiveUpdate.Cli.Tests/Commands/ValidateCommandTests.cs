using System.Text.Json;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    private static readonly string Broken = RepositoryRoot.Combine("tests", "LiveUpdate.Playbooks.Tests", "Data", "broken.yaml");

    [Fact]
    public async Task Validate_EveryShippedPlaybook_PassesWithExitZero()
    {
        var files = ShippedPlaybooks.Names.Select(ShippedPlaybooks.PathOf).ToArray();

        var run = await CliRun.RunAsync(["validate", .. files]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(files.Length, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith("ok (playbook)", StringComparison.Ordinal)));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Validate_BrokenPlaybook_ListsEveryErrorWithItsLocation()
    {
        var expected = PlaybookLoader.LoadFile(Broken).Errors;

        var run = await CliRun.RunAsync("validate", Broken);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(expected.Count >= 10, "the broken fixture should hold many problems");
        Assert.Equal(expected.Count, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"broken\.yaml:\d+:\d+: ", l));
    }

    [Fact]
    public async Task Validate_Json_ReportsErrorsPerFile()
    {
        var good = ShippedPlaybooks.PathOf(ShippedPlaybooks.PmemKexec);

        var run = await CliRun.RunAsync("validate", good, Broken, "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var reports = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(0, reports[0].GetProperty("errors").GetArrayLength());
        Assert.True(reports[1].GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Validate_MissingFile_FailsNamingIt()
    {
        var run = await CliRun.RunAsync("validate", "/nonexistent/playbook.yaml");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "--bogus")]
    [InlineData("no-such-verb")]
    public async Task Run_BadCommandLine_ExitsWithUsageCode(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("liveupdate: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RolloutSpecAndInventory_AreRecognisedAndChecked()
    {
        using var dir = new TempDirectory("cli-validate");
        var spec = dir.WriteFile("rollout.yaml", "apiVersion: liveupdate.dev/v1\nkind: Rollout\nname: r\nplaybook: pmem-kexec\nbundle: ./b\nwaves: [1, 0]\nmaxInCriticalSection: 1\nmaxPerFailureDomain: 1\nfailureBudget: 1\nsettle: 1s\norder: inventory\n");
        var inventory = dir.WriteFile("inventory.yaml", "all:\n  hosts:\n    hv-01:\n      liveupdate_agent: https://10.0.0.1:7443\n    hv-02: {}\n");

        var run = await CliRun.RunAsync("validate", spec, inventory, "--json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var reports = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("rollout", reports[0].GetProperty("kind").GetString());
        Assert.Contains(":6:", reports[0].GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("inventory", reports[1].GetProperty("kind").GetString());
        Assert.Contains("hv-02", reports[1].GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }
}
