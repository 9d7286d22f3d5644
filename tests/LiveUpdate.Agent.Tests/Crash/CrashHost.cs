using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Contracts.Security;
using LiveUpdate.Agent.Faults;
using LiveUpdate.Agent.Journal;
using LiveUpdate.Host.Roots;
using LiveUpdate.Kernel.Bundles;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Hypervisor;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Tests.Crash;

/// <summary>
/// One simulated host for a crash test, in its own directory: a lab host as `lab up` lays it out
/// (certificates, a sandbox tree with PMEM at /mnt/pmem0, a signed bundle of the 6.1.0-50-lab kernel,
/// the agent configuration), and its hypervisor — a private libvirtd whose keeper connection holds the
/// 8 VMs, so they outlive every agent process, as a real libvirtd does.
/// </summary>
internal sealed class CrashHost : IAsyncDisposable
{
    public const string UpdateId = "crash-update";

    private readonly TempDirectory _dir;
    private readonly GrpcChannel _channel;

    private CrashHost(TempDirectory dir, LabFiles files, LabHostSpec spec, LabHypervisor hypervisor)
    {
        _dir = dir;
        Files = files;
        Spec = spec;
        Hypervisor = hypervisor;
        Root = new HostRoot(spec.Root);
        _channel = Channel(files, spec);
        Client = new HostAgent.HostAgentClient(_channel);
        OldBootId = Read(HostPaths.BootId);
        OldRelease = Read(HostPaths.KernelRelease);
    }

    public LabFiles Files { get; }

    public LabHostSpec Spec { get; }

    public LabHypervisor Hypervisor { get; }

    public HostRoot Root { get; }

    public HostAgent.HostAgentClient Client { get; }

    public string OldBootId { get; }

    public string OldRelease { get; }

    public static async Task<CrashHost> CreateAsync(string name)
    {
        var dir = new TempDirectory("crash-" + string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-')));
        try
        {
            var options = new LabOptions { Directory = dir.Combine("lab"), Hosts = 1, VmsPerHost = 8, FailureDomains = 1, BasePort = LoopbackPort.Free() };
            var manifest = await LabBuilder.CreateAsync(options, RepositoryRoot.Combine("Playbooks", "shipped"), CancellationToken.None);
            var spec = manifest.Hosts.Single();
            var hypervisor = await LabHypervisor.StartAsync(spec.LibvirtdDirectory, spec.Vms, [], CancellationToken.None);
            return new CrashHost(dir, new LabFiles(options.Directory), spec, hypervisor);
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    public AgentProcess StartAgent(string? fault) => AgentProcess.Start(Spec, fault);

    /// <summary>Options for a call that waits (up to the deadline) for an agent that is starting or restarting.</summary>
    public static CallOptions Patiently(TimeSpan deadline) =>
        new CallOptions(deadline: TimeProvider.System.GetUtcNow().Add(deadline).UtcDateTime).WithWaitForReady();

    /// <summary>StageBundle then Prepare with the shipped playbook; returns the staged bundle's digest.</summary>
    public async Task<string> StageAndPrepareAsync()
    {
        var digest = Bundle.Open(Files.Bundle, Files.BundleTrustKey).Digest;
        using (var stage = Client.StageBundle(Patiently(TimeSpan.FromSeconds(60))))
        {
            var first = true;
            foreach (var file in Directory.EnumerateFiles(Files.Bundle).Order(StringComparer.Ordinal))
            {
                await stage.RequestStream.WriteAsync(new BundleChunk
                {
                    BundleDigest = first ? digest : "",
                    FileName = Path.GetFileName(file),
                    Data = Google.Protobuf.ByteString.CopyFrom(await File.ReadAllBytesAsync(file)),
                });
                first = false;
            }

            await stage.RequestStream.CompleteAsync();
            Assert.Equal(digest, (await stage.ResponseAsync).BundleDigest);
        }

        var yaml = await File.ReadAllTextAsync(RepositoryRoot.Combine("Playbooks", "shipped", CrashPoints.Playbook + ".yaml"));
        var prepared = await Client.PrepareAsync(
            new PrepareRequest { UpdateId = UpdateId, BundleDigest = digest, PlaybookYaml = yaml, PlaybookDigest = PlaybookDigest.Compute(yaml) },
            Patiently(TimeSpan.FromSeconds(30)));
        Assert.True(prepared.Accepted, string.Join("; ", prepared.Reasons));
        return digest;
    }

    /// <summary>The update's records as an operator sees them: Watch replays from the start and ends at the end state.</summary>
    public async Task<List<UpdateEvent>> WatchToEndAsync(TimeSpan deadline)
    {
        var options = Patiently(deadline);
        var events = new List<UpdateEvent>();
        while (events.Count == 0 || events[^1].State is not ("Completed" or "RolledBack" or "NeedsAttention"))
        {
            try
            {
                // Reattaching after a broken stream resumes from the cursor, as an orchestrator does.
                using var watch = Client.Watch(new WatchRequest { UpdateId = UpdateId, AfterSequence = events.Count == 0 ? 0 : events[^1].Sequence }, options);
                await foreach (var e in watch.ResponseStream.ReadAllAsync())
                {
                    events.Add(e);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
            }
        }

        return events;
    }

    /// <summary>Removes the journal's last line, which must be the fault's record: what a kernel crash takes of a record not yet fsync'ed.</summary>
    public void CutLastJournalRecord(FaultPoint fault)
    {
        var path = Path.Combine(Spec.StateDirectory, FileJournal.FileName);
        var lines = File.ReadAllLines(path);
        var last = JournalFormat.TryDecode(System.Text.Encoding.UTF8.GetBytes(lines[^1]));
        Assert.True(last is not null && fault.Matches(last), $"the journal ends with {last?.Type} {last?.StepId}, not {fault}");
        File.WriteAllLines(path, lines[..^1]);
    }

    public string Read(string hostPath) => File.ReadAllText(Root.Resolve(hostPath)).Trim();

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Hypervisor.DisposeAsync();
        _dir.Dispose();
    }

    private static GrpcChannel Channel(LabFiles files, LabHostSpec spec) =>
        MutualTlsChannel.Create(new Uri(spec.Endpoint), files.CaCertificate, files.OrchestratorCertificate, files.OrchestratorKey, spec.Name);
}
