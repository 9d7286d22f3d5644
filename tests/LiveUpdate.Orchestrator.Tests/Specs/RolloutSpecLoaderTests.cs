using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Tests.Specs;

public sealed class RolloutSpecLoaderTests
{
    private const string Full = """
        apiVersion: liveupdate.dev/v1
        kind: Rollout
        name: kernel-6.1.0-50
        playbook: pmem-kexec
        bundle: ./bundles/6.1.0-50
        waves: [1, 5%, 25%, 100%]
        maxInCriticalSection: 4
        maxPerFailureDomain: 1
        failureBudget: 2
        settle: 2m
        order: interleave-domains
        failureDomainGroupPrefix: rack_
        windows:
          - days: [mon, tue, wed, thu]
            start: "01:00"
            end: "05:00"
            timeZone: Europe/Berlin
        gates:
          beforeHost: [ { http: { url: "http://127.0.0.1:9100/healthz", expectStatus: 200, timeout: 5s } } ]
          afterHost:  [ { command: { run: "/usr/local/bin/check-host {host}", timeout: 30s } } ]
          afterWave:  [ { prometheus: { url: "http://prom:9090", query: "sum(ALERTS{severity=\"page\"})", max: 0 } },
                        { blackout: { p99: 2s } } ]
        """;

    [Fact]
    public void LoadText_FullSpec_ReadsEveryField()
    {
        var result = RolloutSpecLoader.LoadText(Full, "rollout.yaml");

        Assert.Empty(result.Diagnostics);
        var spec = result.GetValueOrThrow();
        Assert.Equal("kernel-6.1.0-50", spec.Name);
        Assert.Equal("pmem-kexec", spec.Playbook);
        Assert.Equal("./bundles/6.1.0-50", spec.Bundle);
        Assert.Equal(["1", "5%", "25%", "100%"], spec.Waves.Select(w => w.ToString()));
        Assert.Equal(4, spec.MaxInCriticalSection);
        Assert.Equal(1, spec.MaxPerFailureDomain);
        Assert.Equal(FailureBudget.Hosts(2), spec.FailureBudget);
        Assert.Equal(TimeSpan.FromMinutes(2), spec.Settle);
        Assert.Equal(RolloutOrder.InterleaveDomains, spec.Order);
        Assert.Null(spec.Seed);
        Assert.Equal("rack_", spec.FailureDomainGroupPrefix);
        var window = Assert.Single(spec.Windows);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], window.Days);
        Assert.Equal(new TimeOnly(1, 0), window.Start);
        Assert.Equal(new TimeOnly(5, 0), window.End);
        Assert.Equal("Europe/Berlin", window.TimeZone.Id);
        var http = Assert.IsType<HttpGate>(Assert.Single(spec.Gates.BeforeHost));
        Assert.Equal(new Uri("http://127.0.0.1:9100/healthz"), http.Url);
        Assert.Equal(200, http.ExpectStatus);
        Assert.Equal(TimeSpan.FromSeconds(5), http.Timeout);
        var command = Assert.IsType<CommandGate>(Assert.Single(spec.Gates.AfterHost));
        Assert.Equal("/usr/local/bin/check-host {host}", command.Run);
        Assert.Equal(TimeSpan.FromSeconds(30), command.Timeout);
        Assert.Equal(2, spec.Gates.AfterWave.Count);
        var prometheus = Assert.IsType<PrometheusGate>(spec.Gates.AfterWave[0]);
        Assert.Equal("sum(ALERTS{severity=\"page\"})", prometheus.Query);
        Assert.Equal(0m, prometheus.Max);
        Assert.Equal(TimeSpan.FromSeconds(2), Assert.IsType<BlackoutGate>(spec.Gates.AfterWave[1]).P99);
        Assert.StartsWith("sha256:", spec.ContentHash, StringComparison.Ordinal);
        Assert.Equal("rollout.yaml", spec.Source);
    }

    [Fact]
    public void LoadText_MinimalSpec_UsesDefaults()
    {
        var spec = Load("waves: [100%]").GetValueOrThrow();

        Assert.Equal(1, spec.MaxInCriticalSection);
        Assert.Equal(1, spec.MaxPerFailureDomain);
        Assert.Equal(FailureBudget.Hosts(0), spec.FailureBudget);
        Assert.Equal(TimeSpan.Zero, spec.Settle);
        Assert.Equal(RolloutOrder.Inventory, spec.Order);
        Assert.Empty(spec.Windows);
        Assert.Empty(spec.Gates.AfterWave);
    }

    [Fact]
    public void LoadText_RandomWithSeed_KeepsSeed()
    {
        var spec = Load("waves: [1]\norder: random\nseed: 42").GetValueOrThrow();

        Assert.Equal(RolloutOrder.Random, spec.Order);
        Assert.Equal(42UL, spec.Seed);
    }

    [Fact]
    public void LoadText_PercentFailureBudget_Resolves()
    {
        var spec = Load("waves: [1]\nfailureBudget: 10%").GetValueOrThrow();

        Assert.Equal(10m, spec.FailureBudget.Percent);
        Assert.Equal(2, spec.FailureBudget.Resolve(25));
    }

    [Fact]
    public void LoadText_ShrinkingWaves_LoadsWithWarning()
    {
        var result = Load("waves: [5, 2]");

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("rollout.yaml:6:12: warning: wave '2' is smaller than an earlier wave '5'; waves usually grow", warning.ToString());
    }

    [Fact]
    public void LoadText_SeedWithoutRandom_Warns()
    {
        var result = Load("waves: [1]\nseed: 7");

        Assert.True(result.Succeeded);
        Assert.Contains("ignored", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("waves: [0]", "6:9", "wave '0' must be a host count of at least 1")]
    [InlineData("waves: [1, 0%]", "6:12", "wave '0%' must be a percentage above 0%")]
    [InlineData("waves: [1, 150%]", "6:12", "wave '150%' must be a percentage above 0% and at most 100%")]
    [InlineData("waves: [1, abc]", "6:12", "wave 'abc' must be a host count")]
    [InlineData("waves: []", "6:8", "'waves' needs at least one entry")]
    [InlineData("waves: [1]\norder: sideways", "7:8", "unknown order 'sideways'")]
    [InlineData("waves: [1]\norder: random", "7:8", "order 'random' needs 'seed:'")]
    [InlineData("waves: [1]\nseed: -3", "7:7", "'seed' must be a non-negative whole number")]
    [InlineData("waves: [1]\nsettle: 2 minutes", "7:9", "'settle' is not a duration: '2 minutes'")]
    [InlineData("waves: [1]\nsettle: 90", "7:9", "'settle' is not a duration")]
    [InlineData("waves: [1]\nfailureBudget: lots", "7:16", "'failureBudget' must be a host count")]
    [InlineData("waves: [1]\nfailureBudget: 120%", "7:16", "'failureBudget' must be a host count")]
    [InlineData("waves: [1]\nmaxInCriticalSection: 0", "7:23", "'maxInCriticalSection' must be a whole number from 1")]
    [InlineData("waves: [1]\nmaxPerFailureDomian: 2", "7:1", "unknown key 'maxPerFailureDomian' in the rollout spec")]
    [InlineData("waves: [1]\nwindows:\n  - { days: [mon, funday], start: \"01:00\", end: \"05:00\" }", "8:19", "unknown day 'funday'")]
    [InlineData("waves: [1]\nwindows:\n  - { days: [mon], start: \"25:00\", end: \"05:00\" }", "8:27", "'start' must be a 24-hour time HH:mm, got '25:00'")]
    [InlineData("waves: [1]\nwindows:\n  - { days: [mon], start: \"01:00\", end: \"01:00\" }", "8:41", "a window's end must differ from its start")]
    [InlineData("waves: [1]\nwindows:\n  - { days: [mon], start: \"01:00\", end: \"05:00\", timeZone: Mars/Olympus }", "8:60", "unknown time zone 'Mars/Olympus'")]
    [InlineData("waves: [1]\ngates:\n  afterWave: [ { smoke: { signal: 1 } } ]", "8:18", "unknown gate type 'smoke'")]
    [InlineData("waves: [1]\ngates:\n  afterHost: [ { http: { url: \"ftp://x\" } } ]", "8:31", "'url' must be an absolute http(s) URL")]
    [InlineData("waves: [1]\ngates:\n  afterHost: [ { command: { timeout: 5s } } ]", "8:27", "command gate needs 'run'")]
    [InlineData("waves: [1]\ngates:\n  afterHost: [ { blackout: { p99: soon } } ]", "8:35", "'p99' is not a duration")]
    [InlineData("waves: [1]\ngates:\n  onFire: []", "8:3", "unknown key 'onFire' in gates")]
    public void LoadText_BadValue_ReportsLocatedError(string tail, string location, string message)
    {
        var result = Load(tail);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"rollout.yaml:{location}: {message}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_SeveralErrors_ReportsAllAtOnce()
    {
        var result = RolloutSpecLoader.LoadText("apiVersion: v2\nkind: Playbook\nwaves: [0]\n", "r.yaml");

        Assert.Null(result.Value);
        Assert.Equal(
            [
                "r.yaml:1:13: 'apiVersion' must be 'liveupdate.dev/v1', got 'v2'",
                "r.yaml:2:7: 'kind' must be 'Rollout', got 'Playbook'",
                "r.yaml:1:1: the rollout spec needs 'name'",
                "r.yaml:1:1: the rollout spec needs 'playbook'",
                "r.yaml:1:1: the rollout spec needs 'bundle'",
            ],
            result.Errors.Take(5).Select(e => e.ToString()));
        Assert.Equal(6, result.Errors.Count);
    }

    [Fact]
    public void LoadText_YamlSyntaxError_ReportsLocation()
    {
        var result = RolloutSpecLoader.LoadText("name: a\nwaves: [1, 2\n", "r.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("YAML error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_NotAMapping_ReportsStructure()
    {
        var result = RolloutSpecLoader.LoadText("- a\n- b\n", "r.yaml");

        Assert.Equal("r.yaml:1:1: a rollout spec must be a mapping starting with 'apiVersion: liveupdate.dev/v1' and 'kind: Rollout'", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void LoadFile_RealFile_ReadsAndHashesText()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rollout-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, Full);
            var first = RolloutSpecLoader.LoadFile(path).GetValueOrThrow();
            File.WriteAllText(path, Full.Replace("settle: 2m", "settle: 3m", StringComparison.Ordinal));
            var second = RolloutSpecLoader.LoadFile(path).GetValueOrThrow();

            Assert.Equal(path, first.Source);
            Assert.NotEqual(first.ContentHash, second.ContentHash);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GetValueOrThrow_Errors_ThrowsWithEveryError()
    {
        var result = Load("waves: [0, 0]");

        var ex = Assert.Throws<InputInvalidException>(() => result.GetValueOrThrow());
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("rollout.yaml:6:12:", ex.Message, StringComparison.Ordinal);
    }

    private static LoadResult<RolloutSpec> Load(string tail) => RolloutSpecLoader.LoadText(
        "apiVersion: liveupdate.dev/v1\nkind: Rollout\nname: r\nplaybook: pmem-kexec\nbundle: ./b\n" + tail + "\n", "rollout.yaml");
}
