using System.Globalization;

namespace LiveUpdate.Lab.Hypervisor;

/// <summary>One VM of a lab host: a libvirt test-driver domain with its own memory size.</summary>
public sealed record LabVm(string Name, ulong MemoryMiB)
{
    public string ToDomainXml() => string.Create(CultureInfo.InvariantCulture, $"""
        <domain type='test'>
          <name>{Name}</name>
          <memory unit='MiB'>{MemoryMiB}</memory>
          <currentMemory unit='MiB'>{MemoryMiB}</currentMemory>
          <vcpu>1</vcpu>
          <os><type arch='x86_64'>hvm</type></os>
          <on_poweroff>destroy</on_poweroff>
        </domain>
        """);

    /// <summary>Varied sizes (256 MiB to 4 GiB) so blackout and capacity differ per VM, deterministically.</summary>
    public static IReadOnlyList<LabVm> ForHost(int hostIndex, int count) =>
        Enumerable.Range(1, count)
            .Select(i => new LabVm($"vm-{i:00}", 256UL << ((hostIndex + i) % 5)))
            .ToList();
}
