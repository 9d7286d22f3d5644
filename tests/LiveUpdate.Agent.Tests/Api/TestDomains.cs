using System.Globalization;
using System.Text;

namespace LiveUpdate.Agent.Tests.Api;

/// <summary>A libvirt test-driver node file with running domains vm000..vmNNN (<c>test:///path</c>).</summary>
internal static class TestDomains
{
    public static string WriteNode(string directory, int count)
    {
        var xml = new StringBuilder("<?xml version='1.0'?>\n<node>\n");
        xml.Append("  <cpu><mhz>2600</mhz><model>x86_64</model><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>1</threads><active>2</active></cpu>\n");
        xml.Append("  <memory>25165824</memory>\n");
        for (var i = 0; i < count; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
                    <name>{NameOf(i)}</name><memory>131072</memory><currentMemory>131072</currentMemory><vcpu>1</vcpu>
                    <os><type arch='x86_64'>hvm</type></os><on_poweroff>destroy</on_poweroff><devices/>
                    <test:runstate>1</test:runstate>
                  </domain>

                """);
        }

        xml.Append("</node>\n");
        var path = Path.Combine(directory, "node.xml");
        File.WriteAllText(path, xml.ToString());
        return "test://" + path;
    }

    public static string NameOf(int index) => string.Create(CultureInfo.InvariantCulture, $"vm{index:D3}");
}
