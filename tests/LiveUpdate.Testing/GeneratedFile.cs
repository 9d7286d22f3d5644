namespace LiveUpdate.Testing;

/// <summary>
/// A checked-in file that code generates (diagrams, schemas). The test fails when the two differ;
/// with LIVEUPDATE_WRITE_GENERATED=1 it rewrites the file instead, which is how `make generated` refreshes them.
/// </summary>
public static class GeneratedFile
{
    public const string WriteVariable = "LIVEUPDATE_WRITE_GENERATED";

    public static void AssertUpToDate(string relativePath, string generated)
    {
        var path = RepositoryRoot.Combine(relativePath.Split('/'));
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }

        Xunit.Assert.True(File.Exists(path), $"{relativePath} is missing; run `make generated`");
        var checkedIn = File.ReadAllText(path).ReplaceLineEndings("\n");
        Xunit.Assert.True(
            checkedIn == generated.ReplaceLineEndings("\n"),
            $"{relativePath} differs from what the code generates; run `make generated` and commit the result");
    }
}
