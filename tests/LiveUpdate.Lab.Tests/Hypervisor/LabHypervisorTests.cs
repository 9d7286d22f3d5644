using LiveUpdate.Lab.Hypervisor;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Lab.Tests.Hypervisor;

public sealed class LabHypervisorTests : IDisposable
{
    private readonly TempDirectory _dir = new("lab-hypervisor");

    public void Dispose() => _dir.Dispose();

    [Fact]
    [Trait("Category", "libvirtd")]
    public async Task StartAsync_EightVms_SurviveAClientThatComesAndGoes()
    {
        var vms = LabVm.ForHost(0, 8);
        await using var hypervisor = await LabHypervisor.StartAsync(_dir.Combine("libvirtd"), vms, [], CancellationToken.None);

        // An agent connects, suspends a VM and goes away (as at a crash or a kernel switch).
        using (var agent = LibvirtConnection.Open(hypervisor.Uri))
        using (var vm = agent.LookupByName("vm-03"))
        {
            vm.Suspend();
        }

        var domains = hypervisor.Domains();
        Assert.Equal(vms.Select(v => v.Name), domains.Select(d => d.Name));
        Assert.Equal(DomainState.Paused, domains.Single(d => d.Name == "vm-03").State);
        Assert.All(domains.Where(d => d.Name != "vm-03"), d => Assert.Equal(DomainState.Running, d.State));
    }

    [Fact]
    public void ForHost_Sizes_VaryButAreDeterministic()
    {
        var first = LabVm.ForHost(3, 8);

        Assert.Equal(first, LabVm.ForHost(3, 8));
        Assert.True(first.Select(v => v.MemoryMiB).Distinct().Count() > 3);
        Assert.All(first, v => Assert.InRange(v.MemoryMiB, 256UL, 4096UL));
    }

    [Fact]
    [Trait("Category", "libvirtd")]
    public async Task StartAsync_ReadOnlyPath_RefusesSavesThereButNotElsewhere()
    {
        var frozen = Directory.CreateDirectory(_dir.Combine("pmem")).FullName;
        var open = Directory.CreateDirectory(_dir.Combine("disk")).FullName;
        await using var hypervisor = await LabHypervisor.StartAsync(_dir.Combine("libvirtd"), LabVm.ForHost(0, 2), [frozen], CancellationToken.None);
        using var agent = LibvirtConnection.Open(hypervisor.Uri);

        using (var vm = agent.LookupByName("vm-01"))
        {
            var refused = Assert.Throws<LibvirtException>(() => vm.Save(Path.Combine(frozen, "vm-01.state")));
            Assert.Contains("Read-only", refused.Message, StringComparison.OrdinalIgnoreCase);
        }

        using (var vm = agent.LookupByName("vm-02"))
        {
            vm.Save(Path.Combine(open, "vm-02.state"));
        }

        Assert.True(File.Exists(Path.Combine(open, "vm-02.state")));
        File.WriteAllText(Path.Combine(frozen, "outside.txt"), "the machine itself still writes here");
    }
}
