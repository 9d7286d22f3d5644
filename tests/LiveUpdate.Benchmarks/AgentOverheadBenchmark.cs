using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Contracts.Security;
using LiveUpdate.Kernel.Bundles;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Hypervisor;
using LiveUpdate.Lab.Supervision;
using LiveUpdate.Playbooks;
using LiveUpdate.Testing;

namespace LiveUpdate.Benchmarks;

/// <summary>
/// The agent's own share of a VM blackout. One lab host (8 VMs on libvirt's test driver in a private
/// libvirtd, a sandbox tree, a real `liveupdate-agent` supervised and restarted as systemd would) runs
/// several pmem-kexec updates; for each, from the journal as Watch replays it:
/// blackout (suspend-vms started → resume-vms completed) − time inside libvirt and the kernel (the
/// externalMs the steps journal) − the handover itself (handover started → the new boot's first record).
/// What is left is journaling, state reads and step bookkeeping. The figure is the median per update.
/// </summary>
internal sealed class AgentOverheadBenchmark : IBenchmark
{
    private const int Runs = 5;
    private const string Playbook = "pmem-kexec";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    public string Name => "agent-blackout-overhead";

    public BenchResult Run() => RunAsync().GetAwaiter().GetResult();

    private async Task<BenchResult> RunAsync()
    {
        var dir = Directory.CreateTempSubdirectory("bench-agent-").FullName;
        try
        {
            var options = new LabOptions { Directory = Path.Combine(dir, "lab"), Hosts = 1, VmsPerHost = 8, FailureDomains = 1, BasePort = LoopbackPort.Free() };
            var playbooks = Path.Combine(RepositoryRoot(), "Playbooks", "shipped");
            var manifest = await LabBuilder.CreateAsync(options, playbooks, CancellationToken.None).ConfigureAwait(false);
            var host = manifest.Hosts.Single();
            await using var hypervisor = await LabHypervisor.StartAsync(host.LibvirtdDirectory, host.Vms, [], CancellationToken.None).ConfigureAwait(false);
            var agent = new SupervisedAgent(host);
            agent.Start();
            try
            {
                var files = new LabFiles(options.Directory);
                using var channel = Channel(files, host);
                var client = new HostAgent.HostAgentClient(channel);
                var yaml = await File.ReadAllTextAsync(Path.Combine(playbooks, Playbook + ".yaml")).ConfigureAwait(false);
                var playbook = PlaybookLoader.LoadText(yaml, Playbook + ".yaml").GetPlaybookOrThrow();
                var digest = await StageAsync(client, files).ConfigureAwait(false);
                var figures = new List<Overhead>();
                for (var run = 1; run <= Runs; run++)
                {
                    var events = await UpdateAsync(client, string.Create(CultureInfo.InvariantCulture, $"bench-{run}"), digest, yaml).ConfigureAwait(false);
                    figures.Add(Overhead.Of(events, playbook));
                }

                foreach (var f in figures)
                {
                    await Console.Error.WriteLineAsync(f.ToString()).ConfigureAwait(false);
                }

                var median = figures.Select(f => f.AgentMs).Order().ElementAt(figures.Count / 2);
                return new BenchResult(Name, median, "ms", "<=", 5);
            }
            finally
            {
                await agent.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Prepare and Execute one update, then (across the kernel switch) Watch it to its end state.</summary>
    private static async Task<List<UpdateEvent>> UpdateAsync(HostAgent.HostAgentClient client, string updateId, string digest, string yaml)
    {
        var prepared = await client.PrepareAsync(
            new PrepareRequest { UpdateId = updateId, BundleDigest = digest, PlaybookYaml = yaml, PlaybookDigest = PlaybookDigest.Compute(yaml) },
            Patiently()).ConfigureAwait(false);
        if (!prepared.Accepted)
        {
            throw new InvalidOperationException($"{updateId} refused: {string.Join("; ", prepared.Reasons.Select(r => r.Message))}");
        }

        using (var execute = client.Execute(new ExecuteRequest { UpdateId = updateId }, Patiently()))
        {
            try
            {
                await foreach (var _ in execute.ResponseStream.ReadAllAsync().ConfigureAwait(false))
                {
                }
            }
            catch (RpcException)
            {
                // The stream ends with the old kernel's agent; the watch below picks the update up in the new one.
            }
        }

        // The old agent may still accept a connection while it exits; the watch then resumes from its cursor.
        var events = new List<UpdateEvent>();
        while (events.Count == 0 || events[^1].State is not ("Completed" or "RolledBack" or "NeedsAttention"))
        {
            try
            {
                using var watch = client.Watch(new WatchRequest { UpdateId = updateId, AfterSequence = events.Count == 0 ? 0 : events[^1].Sequence }, Patiently());
                await foreach (var e in watch.ResponseStream.ReadAllAsync().ConfigureAwait(false))
                {
                    events.Add(e);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
            }
        }

        return events[^1].State == "Completed"
            ? events
            : throw new InvalidOperationException($"{updateId} ended {events[^1].State}: {string.Join(" | ", events.Select(e => e.Message).TakeLast(4))}");
    }

    private static async Task<string> StageAsync(HostAgent.HostAgentClient client, LabFiles files)
    {
        var digest = Bundle.Open(files.Bundle, files.BundleTrustKey).Digest;
        using var stage = client.StageBundle(Patiently());
        var first = true;
        foreach (var file in Directory.EnumerateFiles(files.Bundle).Order(StringComparer.Ordinal))
        {
            await stage.RequestStream.WriteAsync(new BundleChunk
            {
                BundleDigest = first ? digest : "",
                FileName = Path.GetFileName(file),
                Data = Google.Protobuf.ByteString.CopyFrom(await File.ReadAllBytesAsync(file).ConfigureAwait(false)),
            }).ConfigureAwait(false);
            first = false;
        }

        await stage.RequestStream.CompleteAsync().ConfigureAwait(false);
        await stage.ResponseAsync.ConfigureAwait(false);
        return digest;
    }

    private static CallOptions Patiently() => new CallOptions(deadline: TimeProvider.System.GetUtcNow().Add(Deadline).UtcDateTime).WithWaitForReady();

    private static GrpcChannel Channel(LabFiles files, LabHostSpec host) =>
        MutualTlsChannel.Create(new Uri(host.Endpoint), files.CaCertificate, files.OrchestratorCertificate, files.OrchestratorKey, host.Name);

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "LiveUpdate.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException($"no LiveUpdate.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>One update's blackout, split into what libvirt and the kernel took, the handover, and the agent's own share.</summary>
    /// <param name="OldKernelAgentMs">The agent's share before the handover (a warm process); the rest is the new kernel's agent, a fresh process.</param>
    private sealed record Overhead(double BlackoutMs, double ExternalMs, double HandoverMs, double OldKernelAgentMs)
    {
        public double AgentMs => BlackoutMs - ExternalMs - HandoverMs;

        public static Overhead Of(IReadOnlyList<UpdateEvent> events, Playbook playbook)
        {
            var suspend = playbook.Steps.First(s => s.Kind == "suspend-vms").Id;
            var resume = playbook.Steps.Last(s => s.Kind == "resume-vms").Id;
            var start = events.First(e => e.Type == "StepStarted" && e.StepId == suspend);
            var end = events.Last(e => e.Type == "StepCompleted" && e.StepId == resume);
            var handover = events.Last(e => e.Type == "StepStarted" && e.StepId == playbook.PointOfNoReturn);
            var newBoot = events.First(e => e.Sequence > handover.Sequence && e.BootId != handover.BootId);
            double External(long from, long to) => events
                .Where(e => e.Type == "StepCompleted" && e.Sequence >= from && e.Sequence <= to && e.Data.ContainsKey("externalMs"))
                .Sum(e => double.Parse(e.Data["externalMs"], CultureInfo.InvariantCulture));
            return new Overhead(Ms(start, end), External(start.Sequence, end.Sequence), Ms(handover, newBoot), Ms(start, handover) - External(start.Sequence, handover.Sequence));
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"  {nameof(AgentOverheadBenchmark)}: blackout {BlackoutMs:0.0} ms = libvirt/kernel {ExternalMs:0.0} + handover {HandoverMs:0.0} + agent {AgentMs:0.0} (old kernel {OldKernelAgentMs:0.0}, new kernel {AgentMs - OldKernelAgentMs:0.0})");

        private static double Ms(UpdateEvent from, UpdateEvent to) => (to.At.ToDateTimeOffset() - from.At.ToDateTimeOffset()).TotalMilliseconds;
    }
}
