using System.Diagnostics;

namespace LiveUpdate.Lab.Fleet;

/// <summary>Makes the lab's CA, orchestrator and host certificates with deploy/certs/make-lab-certs.sh.</summary>
internal static class LabCertificates
{
    public static async Task CreateAsync(LabFiles files, IEnumerable<LabHostSpec> hosts, CancellationToken ct)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "deploy", "make-lab-certs.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"the certificate script is missing next to the executable: {script}");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, files.Certificates }.Concat(hosts.Select(h => $"{h.Name}=127.0.0.1")))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct).ConfigureAwait(false);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-lab-certs.sh failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }
    }
}
