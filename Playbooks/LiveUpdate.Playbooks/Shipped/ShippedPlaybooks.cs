namespace LiveUpdate.Playbooks;

/// <summary>
/// The playbooks that ship with LiveUpdate. The build copies them from <c>Playbooks/shipped/</c> into
/// <c>playbooks/</c> next to the assembly of every project that references this one.
/// </summary>
public static class ShippedPlaybooks
{
    /// <summary>Suspend VMs into PMEM, kexec the new kernel, resume.</summary>
    public const string PmemKexec = "pmem-kexec";

    /// <summary>As <see cref="PmemKexec"/>, but the new kernel boots on an offlined CPU while the old one runs.</summary>
    public const string PmemMultikernel = "pmem-multikernel";

    /// <summary>As <see cref="PmemKexec"/>, but VM state is saved to disk, for hosts without PMEM.</summary>
    public const string SaveToDiskKexec = "save-to-disk-kexec";

    public static IReadOnlyList<string> Names { get; } = [PmemKexec, PmemMultikernel, SaveToDiskKexec];

    /// <summary>The directory holding the shipped YAML files.</summary>
    public static string DirectoryPath => Path.Combine(AppContext.BaseDirectory, "playbooks");

    public static string PathOf(string name)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a shipped playbook; the shipped ones are: {string.Join(", ", Names)}. " +
                "To use your own, load its file with PlaybookLoader.LoadFile.",
                nameof(name));
        }

        return Path.Combine(DirectoryPath, name + ".yaml");
    }

    public static PlaybookLoadResult Load(string name) => PlaybookLoader.LoadFile(PathOf(name));
}
