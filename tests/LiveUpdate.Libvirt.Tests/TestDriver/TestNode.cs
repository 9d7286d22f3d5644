using System.Globalization;
using System.Text;

namespace LiveUpdate.Libvirt.Tests.TestDriver;

/// <summary>
/// A node file for libvirt's test driver (<c>test:///path</c>) in its own temp directory, with domains
/// vm000..vmNNN of varied memory and vCPU counts. Each connection opened on it starts from this file.
/// </summary>
internal sealed class TestNode : IDisposable
{
    private TestNode(string directory, int count)
    {
        Directory = directory;
        Count = count;
        Path = System.IO.Path.Combine(directory, "node.xml");
    }

    public string Directory { get; }

    public string Path { get; }

    public int Count { get; }

    public string Uri => "test://" + Path;

    /// <summary>Writes <paramref name="count"/> domains; <paramref name="initialState"/> picks each one's state (running by default).</summary>
    public static TestNode Create(int count, Func<int, DomainState>? initialState = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("libvirt-test-node-").FullName;
        var node = new TestNode(directory, count);
        File.WriteAllText(node.Path, Render(count, initialState ?? (_ => DomainState.Running)));
        return node;
    }

    public static string NameOf(int index) => string.Create(CultureInfo.InvariantCulture, $"vm{index:D3}");

    public static Guid UuidOf(int index) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"6695eb01-f6a4-8304-79aa-{index:D12}"));

    /// <summary>Memory sizes cycle through 128 MiB .. 1 GiB so lookups cannot pass by returning the wrong domain.</summary>
    public static ulong MemoryKiBOf(int index) => 131072UL * (ulong)(1 + (index % 8));

    public static int VcpusOf(int index) => 1 + (index % 4);

    public string FilePathFor(string name) => System.IO.Path.Combine(Directory, name);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Render(int count, Func<int, DomainState> initialState)
    {
        var xml = new StringBuilder();
        xml.AppendLine("<?xml version='1.0'?>");
        xml.AppendLine("<node>");
        xml.AppendLine("  <cpu><mhz>2600</mhz><model>x86_64</model><nodes>1</nodes><sockets>1</sockets><cores>2</cores><threads>1</threads><active>2</active></cpu>");
        xml.AppendLine("  <memory>25165824</memory>");
        for (var i = 0; i < count; i++)
        {
            xml.AppendLine(CultureInfo.InvariantCulture, $"""
                  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
                    <name>{NameOf(i)}</name><uuid>{UuidOf(i)}</uuid>
                    <memory>{MemoryKiBOf(i)}</memory><currentMemory>{MemoryKiBOf(i)}</currentMemory><vcpu>{VcpusOf(i)}</vcpu>
                    <os><type arch='x86_64'>hvm</type></os><on_poweroff>destroy</on_poweroff><devices/>
                    <test:runstate>{(int)initialState(i)}</test:runstate>
                  </domain>
                """);
        }

        xml.AppendLine("</node>");
        return xml.ToString();
    }
}
