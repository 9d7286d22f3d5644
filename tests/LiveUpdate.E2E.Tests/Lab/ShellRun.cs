using System.Diagnostics;

namespace LiveUpdate.E2E.Tests.Lab;

/// <summary>Runs one of the lab's scripts to completion and returns its standard output.</summary>
internal static class ShellRun
{
    public static async Task<string> RunAsync(string script, IEnumerable<string> args, TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {limit}: {await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {await stderr}");
        }

        // the scripts report progress (publish mode, build times) on stderr; keep it in the test output
        Console.Error.Write(await stderr);
        return await stdout;
    }
}
