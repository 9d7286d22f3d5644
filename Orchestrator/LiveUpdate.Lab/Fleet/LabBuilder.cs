using System.Globalization;
using System.Text;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Lab.Fleet;

/// <summary>
/// Lays out a lab on disk: certificates, one sandbox host tree and agent configuration per host, a
/// signed bundle carrying the next lab kernel, the inventory and a rollout spec. Nothing is started here.
/// </summary>
public static class LabBuilder
{
    public const string PmemMount = "/mnt/pmem0";

    public static async Task<LabManifest> CreateAsync(LabOptions options, string playbookDirectory, CancellationToken ct)
    {
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new LabException(string.Join("; ", problems));
        }

        var files = new LabFiles(options.Directory);
        if (File.Exists(files.Manifest))
        {
            throw new LabException($"{files.Directory} already holds a lab", $"`liveupdate lab down --dir {files.Directory}` first, or choose another --dir");
        }

        Directory.CreateDirectory(files.Directory);
        var hosts = LabHostSpec.For(options);
        await LabCertificates.CreateAsync(files, hosts, ct).ConfigureAwait(false);
        BundleKeys.Generate(files.BundleKey, files.BundleTrustKey);
        var previous = CreateBundle(files, options.FromRelease, files.PreviousBundle);
        CreateBundle(files, options.ToRelease, files.Bundle);
        foreach (var host in hosts)
        {
            CreateHost(options, files, host, playbookDirectory, previous);
        }

        File.WriteAllText(files.Inventory, LabInventory.Render(hosts));
        File.WriteAllText(files.RolloutSpec, LabRolloutSpec.Render(options, files));
        var manifest = new LabManifest(options, hosts);
        manifest.Write(files);
        return manifest;
    }

    /// <param name="runningBundle">The bundle the host "booted" from, named on its command line as a live-updated host's is, so a rollback knows where to return.</param>
    private static void CreateHost(LabOptions options, LabFiles files, LabHostSpec host, string playbookDirectory, string runningBundle)
    {
        Directory.CreateDirectory(host.StateDirectory);
        SandboxTree.Create(host.Root, new SandboxHostOptions
        {
            Hostname = host.Name,
            KernelRelease = options.FromRelease,
            CpuCount = 4,
            RamBytes = 64UL << 30,
            PmemBytes = 32UL << 30,
            PmemOffset = 4UL << 30,
            PmemMountPoint = PmemMount,
            ExtraCommandLine = "console=ttyS0 liveupdate.bundle=" + runningBundle,
        });
        File.WriteAllText(host.AgentConfig, LabAgentConfig.Render(files, host, playbookDirectory));
    }

    private static string CreateBundle(LabFiles files, string release, string directory)
    {
        var staging = Path.Combine(files.Directory, "images", release);
        Directory.CreateDirectory(staging);
        var kernel = Path.Combine(staging, "vmlinuz-" + release);
        var initrd = Path.Combine(staging, "initrd.img-" + release);
        File.WriteAllText(kernel, LabKernelImage(release), Encoding.ASCII);
        File.WriteAllText(initrd, "lab initramfs for " + release + "\n", Encoding.ASCII);
        return BundleWriter.Create(new BundleCreateRequest(kernel, initrd, "console=ttyS0 ${inherit}", directory, files.BundleKey)).Digest;
    }

    /// <summary>
    /// A stand-in kernel image for the sandbox hosts: it is never executed, only loaded through the
    /// sandbox kexec path, and the sim handover reads the release from its version line as it would
    /// from a real bzImage's version string.
    /// </summary>
    private static string LabKernelImage(string release) => string.Create(
        CultureInfo.InvariantCulture,
        $"LiveUpdate lab kernel image (not bootable)\nLinux version {release} (lab@liveupdate) #1 SMP PREEMPT_DYNAMIC\n");
}
