using LiveUpdate.E2E.Tests.Lab;
using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.E2E.Tests.Agent;

/// <summary>Bundles for the lab host, signed with the key the image trusts.</summary>
internal static class LabBundles
{
    /// <summary>
    /// Everything but the managed parameters is inherited from the running kernel (console, quiet, lab.*);
    /// the planner adds memmap= and liveupdate.generation/bundle.
    /// </summary>
    public const string Template = "${inherit}";

    /// <summary>The image's next kernel (6.1.0-50) and its initramfs, which starts libvirtd and the agent again.</summary>
    public static BundleManifest NextKernel(LabInputs inputs, string output) =>
        BundleWriter.Create(new BundleCreateRequest(inputs.NextKernel, inputs.NextInitrd, Template, output, inputs.BundleKey));

    /// <summary>
    /// The same kernel with the 64-bit-entry flag (XLF_KERNEL_64, bit 0 of xloadflags at 0x236) cleared: the
    /// signature is valid, the release string still reads, but kexec_file_load refuses it (ENOEXEC).
    /// </summary>
    public static BundleManifest UnloadableKernel(LabInputs inputs, string scratch, string output)
    {
        var bytes = File.ReadAllBytes(inputs.NextKernel);
        bytes[0x236] &= 0xfe;
        var kernel = Path.Combine(scratch, "vmlinuz-unloadable");
        File.WriteAllBytes(kernel, bytes);
        return BundleWriter.Create(new BundleCreateRequest(kernel, inputs.NextInitrd, Template, output, inputs.BundleKey));
    }
}
