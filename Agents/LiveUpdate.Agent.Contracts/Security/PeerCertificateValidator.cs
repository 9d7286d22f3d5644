using System.Security.Cryptography.X509Certificates;

namespace LiveUpdate.Agent.Contracts.Security;

/// <summary>
/// Decides whether a peer's certificate is acceptable: chained to our own CA (not the system store),
/// for the expected purpose, and naming the expected identity. Used by the agent for the
/// orchestrator's client certificate and, from the other side, by the orchestrator for the agent's.
/// </summary>
public sealed class PeerCertificateValidator
{
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2Collection _trustAnchors;
    private readonly string _expectedName;
    private readonly string _purposeOid;

    private PeerCertificateValidator(X509Certificate2Collection anchors, string expectedName, string purposeOid)
    {
        _trustAnchors = anchors;
        _expectedName = expectedName;
        _purposeOid = purposeOid;
    }

    public static PeerCertificateValidator ForClients(string caPemPath, string expectedName) =>
        new(LoadAnchors(caPemPath), expectedName, ClientAuthOid);

    public static PeerCertificateValidator ForServers(string caPemPath, string expectedName) =>
        new(LoadAnchors(caPemPath), expectedName, ServerAuthOid);

    /// <summary>Null when acceptable, else the reason for the refusal (for the log).</summary>
    public string? Check(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return "no certificate presented";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustAnchors);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(_purposeOid));
        if (!chain.Build(certificate))
        {
            var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status));
            return $"certificate '{certificate.Subject}' does not chain to the configured CA for this purpose ({status})";
        }

        var names = Names(certificate);
        return names.Contains(_expectedName, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"certificate names [{string.Join(", ", names)}], expected '{_expectedName}'";
    }

    private static List<string> Names(X509Certificate2 certificate)
    {
        var names = new List<string>();
        var cn = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!string.IsNullOrEmpty(cn))
        {
            names.Add(cn);
        }

        foreach (var ext in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.AddRange(ext.EnumerateDnsNames());
            names.AddRange(ext.EnumerateIPAddresses().Select(ip => ip.ToString()));
        }

        return names;
    }

    private static X509Certificate2Collection LoadAnchors(string caPemPath)
    {
        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPemFile(caPemPath);
        return anchors;
    }
}
