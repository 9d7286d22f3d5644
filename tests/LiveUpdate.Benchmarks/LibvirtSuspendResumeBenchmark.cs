using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiveUpdate.Libvirt;

namespace LiveUpdate.Benchmarks;

/// <summary>
/// Suspend + resume of 500 test-driver domains through our binding on one connection, against the way
/// operators script it today: one <c>virsh</c> process per operation. The figure is how many times faster
/// the binding is per domain (baseline time per domain / binding time per domain).
/// </summary>
/// <remarks>
/// The test driver keeps domain state inside each client process, so a second virsh process never sees the
/// pause made by the first. The baseline therefore gives every process a node file in which its one operation
/// is valid: `virsh suspend vmN` against a file where vmN runs, `virsh resume vmN` against one where vmN is
/// paused. That keeps exactly one process, one connection and one successful operation per step, as in an
/// operator's loop against libvirtd. Each of those files holds only its one domain, so the baseline does not
/// also pay for parsing 500 domains per process, which a real daemon would not do: the ratio errs low.
/// The baseline times a sample of processes and scales per domain to keep `make bench` short.
/// </remarks>
internal sealed class LibvirtSuspendResumeBenchmark : IBenchmark
{
    private const int DomainCount = 500;
    private const int SampledDomains = 20;
    private const int Rounds = 3;

    public string Name => "libvirt-suspend-resume-500";

    public BenchResult Run()
    {
        var dir = Directory.CreateTempSubdirectory("bench-libvirt-").FullName;
        try
        {
            var bindingPerDomain = TimeBinding(WriteNode(dir, "node.xml", Enumerable.Range(0, DomainCount), paused: false));
            var baselinePerDomain = TimeVirshProcesses(dir);
            return new BenchResult(Name, baselinePerDomain / bindingPerDomain, "x", ">=", 50);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Best of a few rounds (after a warm-up) of lookup + suspend, then resume, for every domain.</summary>
    private static double TimeBinding(string nodePath)
    {
        using var connection = LibvirtConnection.Open("test://" + nodePath);
        var names = Enumerable.Range(0, DomainCount).Select(NameOf).ToArray();
        var best = double.MaxValue;
        for (var round = 0; round <= Rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            var domains = names.Select(connection.LookupByName).ToArray();
            foreach (var domain in domains)
            {
                domain.Suspend();
            }

            foreach (var domain in domains)
            {
                domain.Resume();
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            foreach (var domain in domains)
            {
                domain.Dispose();
            }

            best = round == 0 ? best : Math.Min(best, elapsed);
        }

        return best / DomainCount;
    }

    private static double TimeVirshProcesses(string dir)
    {
        var steps = Enumerable.Range(0, SampledDomains).SelectMany(i => new[]
        {
            (Verb: "suspend", Node: WriteNode(dir, $"running-{i}.xml", [i], paused: false), Domain: NameOf(i)),
            (Verb: "resume", Node: WriteNode(dir, $"paused-{i}.xml", [i], paused: true), Domain: NameOf(i)),
        }).ToArray();

        RunVirsh(steps[0].Verb, steps[0].Node, steps[0].Domain); // warm the page cache for virsh and libvirt
        var started = Stopwatch.GetTimestamp();
        foreach (var (verb, node, domain) in steps)
        {
            RunVirsh(verb, node, domain);
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds / SampledDomains;
    }

    private static void RunVirsh(string verb, string nodePath, string domain)
    {
        var start = new ProcessStartInfo("virsh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-q", "-c", "test://" + nodePath, verb, domain })
        {
            start.ArgumentList.Add(arg);
        }

        using var virsh = Process.Start(start) ?? throw new InvalidOperationException("could not start virsh; install libvirt-clients");
        var stderr = virsh.StandardError.ReadToEndAsync();
        virsh.StandardOutput.ReadToEnd();
        virsh.WaitForExit();
        if (virsh.ExitCode != 0)
        {
            throw new InvalidOperationException($"virsh {verb} {domain} failed ({virsh.ExitCode}): {stderr.Result}");
        }
    }

    private static string WriteNode(string dir, string fileName, IEnumerable<int> indices, bool paused)
    {
        var xml = new StringBuilder("<?xml version='1.0'?>\n<node>\n");
        foreach (var i in indices)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'><name>{NameOf(i)}</name>
                    <memory>{262144 * (1 + (i % 4))}</memory><vcpu>2</vcpu><os><type arch='x86_64'>hvm</type></os><devices/>
                    <test:runstate>{(paused ? 3 : 1)}</test:runstate></domain>

                """);
        }

        var path = Path.Combine(dir, fileName);
        File.WriteAllText(path, xml.Append("</node>\n").ToString());
        return path;
    }

    private static string NameOf(int index) => string.Create(CultureInfo.InvariantCulture, $"vm{index:D3}");
}
