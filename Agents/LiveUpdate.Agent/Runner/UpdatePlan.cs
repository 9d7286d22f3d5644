using System.Globalization;

namespace LiveUpdate.Agent.Runner;

/// <summary>
/// Everything an accepted update needs to run, finish or be undone — written into the journal's
/// UpdateStarted record, so the agent in the new kernel (or after a crash) knows what it was doing
/// and which kernel it should find itself in.
/// </summary>
public sealed record UpdatePlan(
    string UpdateId,
    string PlaybookPath,
    string PlaybookDigest,
    string BundleDigest,
    string BundleDirectory,
    string NextCommandLine,
    long NextGeneration,
    string OldBootId,
    string OldKernelRelease)
{
    public IReadOnlyDictionary<string, string> ToJournalData() => new Dictionary<string, string>
    {
        ["playbookPath"] = PlaybookPath,
        ["playbookDigest"] = PlaybookDigest,
        ["bundleDigest"] = BundleDigest,
        ["bundleDirectory"] = BundleDirectory,
        ["nextCommandLine"] = NextCommandLine,
        ["nextGeneration"] = NextGeneration.ToString(CultureInfo.InvariantCulture),
        ["oldBootId"] = OldBootId,
        ["oldKernelRelease"] = OldKernelRelease,
    };

    public static UpdatePlan FromJournalData(string updateId, IReadOnlyDictionary<string, string> d) => new(
        updateId,
        d["playbookPath"],
        d["playbookDigest"],
        d["bundleDigest"],
        d["bundleDirectory"],
        d["nextCommandLine"],
        long.Parse(d["nextGeneration"], CultureInfo.InvariantCulture),
        d["oldBootId"],
        d["oldKernelRelease"]);
}
