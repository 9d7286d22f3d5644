namespace LiveUpdate.Host.Roots;

/// <summary>Reads small kernel text files under a root, turning "not there" into a reason instead of an exception.</summary>
internal static class HostFileReader
{
    public static async Task<HostFact<string>> ReadTextAsync(HostRoot root, string hostPath, CancellationToken ct)
    {
        string path = root.Resolve(hostPath);
        try
        {
            return HostFact<string>.Known(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return HostFact<string>.Missing($"{hostPath} does not exist");
        }
        catch (UnauthorizedAccessException)
        {
            return HostFact<string>.Missing($"{hostPath} is not readable");
        }
        catch (IOException ex)
        {
            return HostFact<string>.Missing($"{hostPath} could not be read: {ex.Message}");
        }
    }

    public static async Task<HostFact<string>> ReadTrimmedAsync(HostRoot root, string hostPath, CancellationToken ct) =>
        (await ReadTextAsync(root, hostPath, ct).ConfigureAwait(false)).Map(text => text.Trim());

    /// <summary>True for a file, a directory or a device node: sysfs attributes only need to exist to matter.</summary>
    public static bool Exists(HostRoot root, string hostPath)
    {
        string path = root.Resolve(hostPath);
        return File.Exists(path) || Directory.Exists(path);
    }
}
