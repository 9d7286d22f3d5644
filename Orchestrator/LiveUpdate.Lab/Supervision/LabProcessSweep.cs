using System.Globalization;

namespace LiveUpdate.Lab.Supervision;

/// <summary>
/// Finds processes a lab started by their command line naming the lab's directory (agents run with
/// its configs, libvirtds with its pid files). `lab down` uses it to prove, and if need be make sure,
/// that nothing it started outlives it.
/// </summary>
public static class LabProcessSweep
{
    public static IReadOnlyList<(int Pid, string CommandLine)> Find(string labDirectory)
    {
        var marker = Path.GetFullPath(labDirectory).TrimEnd('/') + "/";
        var found = new List<(int, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // the process ended while we looked
            }

            if (commandLine.Contains(marker, StringComparison.Ordinal) && !commandLine.Contains(" lab down", StringComparison.Ordinal))
            {
                found.Add((pid, commandLine));
            }
        }

        return found;
    }

    /// <summary>Kills what is left (SIGKILL) and returns what it had to kill.</summary>
    public static IReadOnlyList<(int Pid, string CommandLine)> KillLeftovers(string labDirectory)
    {
        var left = Find(labDirectory);
        foreach (var (pid, _) in left)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }

        return left;
    }
}
