using System.IO.Compression;
using LiveUpdate.Host.Roots;

namespace LiveUpdate.Host.Facts;

/// <summary>Finds the running kernel's build configuration: <c>/proc/config.gz</c> first (IKCONFIG_PROC), else <c>/boot/config-RELEASE</c>.</summary>
internal static class KernelConfigReader
{
    public static async Task<HostFact<KernelConfig>> ReadAsync(HostRoot root, HostFact<string> release, CancellationToken ct)
    {
        string gz = root.Resolve(HostPaths.ConfigGz);
        if (File.Exists(gz))
        {
            try
            {
                return HostFact<KernelConfig>.Known(KernelConfig.Parse(await ReadGzipAsync(gz, ct).ConfigureAwait(false), HostPaths.ConfigGz));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return HostFact<KernelConfig>.Missing($"{HostPaths.ConfigGz} could not be decompressed: {ex.Message}");
            }
        }

        if (!release.IsKnown)
        {
            return HostFact<KernelConfig>.Missing($"no {HostPaths.ConfigGz}, and the kernel release needed to find /boot/config-* is unknown");
        }

        string bootPath = HostPaths.BootConfig(release.Value);
        HostFact<string> text = await HostFileReader.ReadTextAsync(root, bootPath, ct).ConfigureAwait(false);
        return text.IsKnown
            ? HostFact<KernelConfig>.Known(KernelConfig.Parse(text.Value, bootPath))
            : HostFact<KernelConfig>.Missing($"neither {HostPaths.ConfigGz} nor {bootPath} exists");
    }

    private static async Task<string> ReadGzipAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: false);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync(ct).ConfigureAwait(false);
    }
}
