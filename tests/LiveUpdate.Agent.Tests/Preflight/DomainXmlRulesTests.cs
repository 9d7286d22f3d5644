using LiveUpdate.Agent.Preflight;

namespace LiveUpdate.Agent.Tests.Preflight;

public sealed class DomainXmlRulesTests
{
    [Fact]
    public void PassthroughDevices_PciHostdevAndSriovInterface_DescribesBoth()
    {
        const string xml = """
            <domain type='kvm'><name>gpu</name><devices>
              <disk type='file'/>
              <interface type='network'><source network='default'/></interface>
              <hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x02' function='0x1'/></source></hostdev>
              <interface type='hostdev' managed='yes'><source><address type='pci' domain='0' bus='0x3b' slot='16' function='0x2'/></source></interface>
            </devices></domain>
            """;

        Assert.Equal(["pci 0000:06:02.1", "interface 0000:3b:10.2"], DomainXmlRules.PassthroughDevices(xml));
    }

    [Fact]
    public void PassthroughDevices_MediatedDevice_NamesItsUuid()
    {
        const string xml = """
            <domain><devices><hostdev mode='subsystem' type='mdev' model='vfio-pci'>
              <source><address uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source></hostdev></devices></domain>
            """;

        Assert.Equal(["mdev c2177883-f1bb-47f0-914d-32a22e3a8804"], DomainXmlRules.PassthroughDevices(xml));
    }

    [Fact]
    public void PassthroughDevices_OrdinaryDevices_None()
    {
        const string xml = "<domain><devices><disk type='file'/><interface type='bridge'/></devices></domain>";

        Assert.Empty(DomainXmlRules.PassthroughDevices(xml));
    }

    [Fact]
    public void PassthroughDevices_NotXml_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => DomainXmlRules.PassthroughDevices("<domain><devices>"));
    }
}
