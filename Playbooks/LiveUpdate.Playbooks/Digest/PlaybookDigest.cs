using System.Security.Cryptography;
using System.Text;

namespace LiveUpdate.Playbooks;

/// <summary>
/// The content hash of a playbook: SHA-256 of its text as UTF-8, lowercase hex. Plans record it, so a plan
/// is refused when the playbook file changed between the dry run and the apply.
/// </summary>
public static class PlaybookDigest
{
    public static string Compute(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return Compute(playbook.SourceText);
    }

    public static string Compute(string playbookText)
    {
        ArgumentNullException.ThrowIfNull(playbookText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(playbookText)));
    }
}
