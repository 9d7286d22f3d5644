namespace LiveUpdate.Testing;

/// <summary>Finds the checkout the tests run from, so tests can read and check checked-in files.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LiveUpdate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no LiveUpdate.sln above {AppContext.BaseDirectory}");
    }
}
