namespace LiveUpdate.Playbooks.Tests.Loading;

internal static class TestPlaybooks
{
    public const string Source = "test.yaml";

    /// <summary>The smallest valid playbook; tests that need one error change one line of it.</summary>
    public const string Minimal = """
        apiVersion: liveupdate.dev/v1
        kind: Playbook
        name: minimal
        handover: kexec
        pointOfNoReturn: switch
        steps:
          - id: load
            kind: load-kernel
            timeout: 2m
          - id: switch
            kind: handover
            timeout: 5m
          - id: resume
            kind: resume-vms
            timeout: 30s
        compensations:
          - for: load
            kind: unload-kernel
            timeout: 30s
        """;

    public static PlaybookLoadResult Load(string text) => PlaybookLoader.LoadText(text, Source);

    /// <summary>Loads <paramref name="text"/> and returns its only error, failing when there are more or none.</summary>
    public static PlaybookError SingleError(string text)
    {
        var result = Load(text);
        Assert.Null(result.Playbook);
        Assert.False(result.Succeeded);
        var errors = string.Join("\n", result.Errors);
        Assert.True(result.Errors.Count == 1, $"expected exactly one error, got {result.Errors.Count}:\n{errors}");
        return result.Errors[0];
    }

    public static void AssertAt(PlaybookError error, int line, int column, string messageFragment)
    {
        Assert.Equal(new SourceLocation(Source, line, column), error.Location);
        Assert.Contains(messageFragment, error.Message, StringComparison.Ordinal);
    }
}
