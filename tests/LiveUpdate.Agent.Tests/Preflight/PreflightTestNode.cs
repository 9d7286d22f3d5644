using System.Globalization;
using System.Text;

namespace LiveUpdate.Agent.Tests.Preflight;

/// <summary>One running domain of a <see cref="PreflightTestNode"/>.</summary>
internal sealed record TestDomain(string Name, ulong MemoryMiB, bool PciPassthrough = false);

/// <summary>A node file for libvirt's test driver (<c>test:///path</c>) holding the given running domains.</summary>
internal static class PreflightTestNode
{
    public static string Write(TempDirectory directory, params TestDomain[] domains)
    {
        var xml = new StringBuilder("<?xml version='1.0'?>\n<node>\n");
        xml.AppendLine("  <cpu><mhz>2600</mhz><model>x86_64</model><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>1</threads><active>2</active></cpu>");
        xml.AppendLine("  <memory>25165824</memory>");
        foreach (TestDomain d in domains)
        {
            ulong kib = d.MemoryMiB * 1024;
            string hostdev = d.PciPassthrough
                ? "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06' slot='0x02' function='0x0'/></source></hostdev>"
                : string.Empty;
            xml.AppendLine(CultureInfo.InvariantCulture, $"""
                  <domain type='test'>
                    <name>{d.Name}</name><memory>{kib}</memory><currentMemory>{kib}</currentMemory><vcpu>1</vcpu>
                    <os><type arch='x86_64'>hvm</type></os><devices>{hostdev}</devices>
                  </domain>
                """);
        }

        xml.AppendLine("</node>");
        return "test://" + directory.WriteFile("node.xml", xml.ToString());
    }
}
