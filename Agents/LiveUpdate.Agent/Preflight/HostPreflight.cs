using LiveUpdate.Agent.Vms;
using LiveUpdate.Host.Roots;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Preflight;

/// <summary>
/// Preflight of this host: reads the facts under <paramref name="root"/> and the VMs from libvirt, then judges
/// each playbook. Only reads, so it is safe on the machine's own root.
/// </summary>
/// <param name="libvirtUri">Named in reasons, e.g. <c>qemu:///system</c>.</param>
/// <param name="connect">
/// Gives the VMs to read, called once per report. The daemon hands its long-lived connection; the CLI opens one.
/// A <see cref="LiveUpdate.Libvirt.LibvirtException"/> from it (or from the calls) becomes the libvirt-unreachable reason.
/// </param>
public sealed class HostPreflight(HostRoot root, string libvirtUri, Func<IVirtualMachines> connect) : IPreflight
{
    public async Task<PlaybookReadiness> CheckAsync(Playbook playbook, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        PreflightReport report = await ReportAsync([playbook], ct).ConfigureAwait(false);
        return report.Playbooks[0];
    }

    public async Task<PreflightReport> ReportAsync(IEnumerable<Playbook> playbooks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(playbooks);
        List<Playbook> list = [.. playbooks];
        IEnumerable<string> targets = list.Select(PreservationRules.SaveTarget).OfType<string>();
        PreflightFacts facts = await PreflightFactsReader.ReadAsync(root, libvirtUri, connect, targets, ct).ConfigureAwait(false);
        return PreflightReportBuilder.Build(facts, [.. list.Select(p => PlaybookEvaluator.Evaluate(p, facts))]);
    }
}
