using System.Globalization;
using LiveUpdate.Host.Cpu;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Kexec;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Kernel.Bundles;
using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Agent.Handover;

/// <summary>
/// The lab's kernel switch on a sandbox tree. Loading and unloading go through the real sandbox kexec
/// path; the handover writes what the loaded kernel would show once booted (release, a fresh boot id,
/// its command line, the CPUs it brings up), destroys every running VM (a real switch kills every QEMU
/// process; their state is in the saved images) and ends the process. Only a sandbox root is accepted,
/// so this driver can never act on a real host.
/// </summary>
public sealed class SimHandoverDriver : IHandoverDriver
{
    private readonly HostRoot _root;
    private readonly KexecDriver _kexec;
    private readonly LibvirtConnection _libvirt;
    private readonly IProcessTerminator _terminator;

    public SimHandoverDriver(HostRoot root, HandoverMode mode, LibvirtConnection libvirt, IProcessTerminator terminator)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.IsSystemRoot)
        {
            throw new ArgumentException("The sim handover driver only runs on a sandbox tree (--sandbox), never on '/'.", nameof(root));
        }

        _root = root;
        _kexec = KexecDriver.ForSandbox(root);
        _libvirt = libvirt;
        _terminator = terminator;
        Mode = mode;
    }

    public HandoverMode Mode { get; }

    public Task LoadAsync(KexecLoadRequest request, CancellationToken ct) => _kexec.LoadAsync(request, ct);

    public Task UnloadAsync(CancellationToken ct) => _kexec.UnloadAsync(ct);

    public async Task HandOverAsync(int? targetCpu, CancellationToken ct)
    {
        var image = KexecDriver.ReadSandboxImage(_root)
            ?? throw new HandoverRefusedException(Mode, "No kernel image is loaded in the sandbox; load the bundle before handing over.");
        var release = KernelImageRelease.Read(image.KernelPath)
            ?? throw new HandoverRefusedException(Mode, $"{image.KernelPath} carries no kernel version (no bzImage header, no 'Linux version' line); rebuild the bundle from a real kernel or a lab image with that marker.");

        // From here on the switch happens: nothing below may be undone by the old kernel.
        _kexec.Execute();
        SandboxTree.WriteFile(_root, HostPaths.KernelRelease, release + "\n");
        SandboxTree.WriteFile(_root, HostPaths.BootId, Guid.NewGuid().ToString("D") + "\n");
        SandboxTree.WriteFile(_root, HostPaths.CommandLine, image.CommandLine + "\n");
        BringUpCpus(KernelCommandLine.Parse(image.CommandLine));
        await _kexec.UnloadAsync(ct).ConfigureAwait(false);
        DestroyRunningVms();
        _terminator.EndProcess($"sim handover to {release}{(targetCpu is { } cpu ? $" on cpu{cpu}" : "")}");
    }

    /// <summary>A freshly booted kernel brings up every present CPU, or the first N with maxcpus=N.</summary>
    private void BringUpCpus(KernelCommandLine commandLine)
    {
        var present = CpuRangeList.Parse(File.ReadAllText(_root.Resolve(HostPaths.CpusPresent)));
        var limit = int.TryParse(commandLine.GetLast("maxcpus"), NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? Math.Max(1, max) : int.MaxValue;
        var online = present.Order().Take(limit).ToHashSet();
        foreach (var cpu in present)
        {
            var file = _root.Resolve(HostPaths.CpuOnline(cpu));
            if (File.Exists(file))
            {
                File.WriteAllText(file, online.Contains(cpu) ? "1\n" : "0\n");
            }
        }

        SandboxTree.WriteFile(_root, HostPaths.CpusOnline, CpuRangeList.Format(online) + "\n");
    }

    private void DestroyRunningVms()
    {
        foreach (var domain in _libvirt.ListDomains(DomainListFilter.Active))
        {
            using (domain)
            {
                domain.Destroy();
            }
        }
    }
}
