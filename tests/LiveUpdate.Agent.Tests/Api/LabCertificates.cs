using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace LiveUpdate.Agent.Tests.Api;

/// <summary>
/// Real certificates from deploy/certs/make-lab-certs.sh: the lab CA with the orchestrator and host
/// "hv-test" (127.0.0.1), a client of the same CA naming someone else, and a whole second CA.
/// </summary>
public sealed class LabCertificates : IDisposable
{
    public const string HostName = "hv-test";

    private readonly TempDirectory _dir = new("agent-certs");

    public LabCertificates()
    {
        Run(Lab, HostName + "=127.0.0.1");
        Directory.CreateDirectory(WrongIdentityDirectory);
        File.Copy(Path.Combine(Lab, "ca.pem"), Path.Combine(WrongIdentityDirectory, "ca.pem"));
        File.Copy(Path.Combine(Lab, "ca.key"), Path.Combine(WrongIdentityDirectory, "ca.key"));
        Run(WrongIdentityDirectory, "--orchestrator", "someone-else");
        Run(OtherCaDirectory);
    }

    public string Lab => _dir.Combine("lab");

    public string Ca => Path.Combine(Lab, "ca.pem");

    public string HostCertificate => Path.Combine(Lab, "hosts", HostName + ".pem");

    public string HostKey => Path.Combine(Lab, "hosts", HostName + ".key");

    private string WrongIdentityDirectory => _dir.Combine("wrong-identity");

    private string OtherCaDirectory => _dir.Combine("other-ca");

    public X509Certificate2 Orchestrator => Load(Lab);

    public X509Certificate2 WrongIdentity => Load(WrongIdentityDirectory);

    public X509Certificate2 OtherCa => Load(OtherCaDirectory);

    public void Dispose() => _dir.Dispose();

    private static X509Certificate2 Load(string directory) =>
        X509Certificate2.CreateFromPemFile(Path.Combine(directory, "orchestrator.pem"), Path.Combine(directory, "orchestrator.key"));

    private static void Run(string outDir, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(RepositoryRoot.Combine("deploy", "certs", "make-lab-certs.sh"));
        start.ArgumentList.Add(outDir);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-lab-certs.sh failed ({process.ExitCode}): {stderr}");
        }
    }
}
