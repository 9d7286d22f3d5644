using System.Globalization;
using System.Reflection;
using Grpc.Core;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Hosting;
using LiveUpdate.Agent.Preflight;
using LiveUpdate.Agent.Runner;
using LiveUpdate.Host.Facts;
using LiveUpdate.Host.Handover;
using LiveUpdate.Host.Pmem;
using LiveUpdate.Playbooks;

namespace LiveUpdate.Agent.Api;

/// <summary>Describe and Status: what the host is, what it can do, and where its update stands.</summary>
internal sealed class HostDescriber(AgentRuntime runtime, IPreflight preflight)
{
    /// <param name="playbookYaml">The caller's playbook, checked by preflight as well (empty: only the installed ones).</param>
    public async Task<DescribeResponse> DescribeAsync(string playbookYaml, CancellationToken ct)
    {
        var playbooks = PlaybooksToCheck(playbookYaml);
        var facts = await runtime.Host.Facts.CaptureAsync(ct).ConfigureAwait(false);
        var capabilities = HandoverCapabilityDetector.Detect(facts);
        var pmem = await new PmemDiscovery(runtime.Host.Root).DiscoverAsync(ct).ConfigureAwait(false);
        var vms = await runtime.Host.Vms.ListAsync(ct).ConfigureAwait(false);
        var response = new DescribeResponse
        {
            HostName = runtime.Options.HostName,
            AgentVersion = typeof(HostDescriber).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
            Facts = new HostFacts
            {
                KernelRelease = facts.KernelRelease.Value ?? "",
                BootId = facts.BootId.Value ?? "",
                CommandLine = facts.CommandLineText.Value ?? "",
                MemoryBytes = facts.Memory.Value?.TotalBytes ?? 0,
                CpusOnline = facts.Cpus.Value?.Online.Count ?? 0,
                CpusPossible = facts.Cpus.Value?.Possible.Count ?? 0,
                PmemBytes = pmem.Regions.Aggregate(0UL, (sum, r) => sum + r.Size),
                PmemFreeBytes = pmem.CapacityForVmStateBytes,
                VmCount = vms.Count,
                VmMemoryBytes = vms.Aggregate(0UL, (sum, v) => sum + (v.MemoryKiB * 1024)),
                Generation = Generation(facts),
                BundleDigest = facts.CommandLine.Value?.GetLast(KernelVerdicts.BundleKey) ?? "",
            },
            Capabilities = new Capabilities
            {
                KexecFile = capabilities.KexecFile.Available,
                Multikernel = capabilities.Multikernel.Available,
                Luo = capabilities.Luo.Available,
                Lockdown = facts.Lockdown.IsKnown ? facts.Lockdown.Value.ToString().ToLowerInvariant() : "none",
                KexecLoadDisabled = facts.KexecLoadDisabled is { IsKnown: true, Value: true },
            },
        };
        response.Capabilities.HandoverDrivers.Add(runtime.IsSandbox ? ["sim"] : capabilities.DriverModes.Select(m => m.ToString().ToLowerInvariant()));
        foreach (var playbook in playbooks)
        {
            var readiness = await preflight.CheckAsync(playbook, ct).ConfigureAwait(false);
            var entry = new V1.PlaybookReadiness { Playbook = readiness.Playbook, Ready = readiness.Ready };
            entry.Reasons.Add(readiness.Reasons.Select(r => UpdatePreparer.Refusal(r.Code, r.Message, r.Fix ?? "")));
            response.Preflight.Add(entry);
        }

        return response;
    }

    public async Task<StatusResponse> StatusAsync(CancellationToken ct)
    {
        var facts = await runtime.Host.Facts.CaptureAsync(ct).ConfigureAwait(false);
        var latest = runtime.Latest;
        return new StatusResponse
        {
            UpdateId = latest?.UpdateId ?? "",
            State = (latest?.State ?? Update.HostUpdateState.Idle).ToString(),
            LastSequence = runtime.Journal.LastSequence,
            KernelRelease = facts.KernelRelease.Value ?? "",
            BootId = facts.BootId.Value ?? "",
            Generation = Generation(facts),
        };
    }

    private static long Generation(HostFactsSnapshot facts) =>
        long.TryParse(facts.CommandLine.Value?.GetLast(KernelVerdicts.GenerationKey), NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : 0;

    /// <summary>The installed playbooks, with the caller's in place of an installed one of its name. Bad text is refused before anything is read.</summary>
    private IReadOnlyList<Playbook> PlaybooksToCheck(string playbookYaml)
    {
        if (string.IsNullOrEmpty(playbookYaml))
        {
            return KnownPlaybooks().ToList();
        }

        var loaded = PlaybookLoader.LoadText(playbookYaml, "DescribeRequest.playbook_yaml");
        if (!loaded.Succeeded)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the playbook does not load: " + string.Join("; ", loaded.Errors)));
        }

        var callers = loaded.Playbook!;
        return [.. KnownPlaybooks().Where(p => p.Name != callers.Name), callers];
    }

    /// <summary>The playbooks in the configured directory (the shipped ones by default) that load cleanly.</summary>
    private IEnumerable<Playbook> KnownPlaybooks()
    {
        var directory = runtime.Options.PlaybookDirectory ?? ShippedPlaybooks.DirectoryPath;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(PlaybookLoader.LoadFile)
            .Where(r => r.Succeeded)
            .Select(r => r.Playbook!);
    }
}
