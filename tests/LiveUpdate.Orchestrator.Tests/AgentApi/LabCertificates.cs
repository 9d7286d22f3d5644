using System.Diagnostics;
using LiveUpdate.Testing;

namespace LiveUpdate.Orchestrator.Tests.AgentApi;

/// <summary>A CA, the orchestrator's client certificate and server certificates for hv-a and hv-b, made by the lab script.</summary>
public sealed class LabCertificates : IDisposable
{
    private readonly TempDirectory _dir = new("liveupdate-certs");

    public LabCertificates()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { RepositoryRoot.Combine("deploy", "certs", "make-lab-certs.sh"), _dir.Path, "hv-a=127.0.0.1", "hv-b=127.0.0.1" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("make-lab-certs.sh failed: " + error);
        }
    }

    public string Ca => _dir.Combine("ca.pem");

    public string ClientCert => _dir.Combine("orchestrator.pem");

    public string ClientKey => _dir.Combine("orchestrator.key");

    public string HostCert(string host) => _dir.Combine("hosts", host + ".pem");

    public string HostKey(string host) => _dir.Combine("hosts", host + ".key");

    public void Dispose() => _dir.Dispose();
}
