using Grpc.Core;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.Agent.Hosting;
using LiveUpdate.Kernel.Bundles;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Agent.Api;

/// <summary>
/// Receives a bundle's files into <c>bundles/DIGEST.staging/</c>, verifies them against their manifest
/// (and the trusted key, when configured) and only then renames the directory to <c>bundles/DIGEST/</c>.
/// A bundle that does not verify, or is not the one announced, is removed.
/// </summary>
internal sealed class BundleStager(AgentRuntime runtime, ILogger<BundleStager> logger)
{
    private static readonly HashSet<string> AllowedFiles =
        [BundleFormat.KernelFile, BundleFormat.InitrdFile, BundleFormat.TemplateFile, BundleFormat.ManifestFile, BundleFormat.SignatureFile];

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<StageBundleResponse> StageAsync(IAsyncStreamReader<BundleChunk> chunks, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await ReceiveAsync(chunks, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<StageBundleResponse> ReceiveAsync(IAsyncStreamReader<BundleChunk> chunks, CancellationToken ct)
    {
        string? digest = null;
        string? staging = null;
        FileStream? current = null;
        ulong bytes = 0;
        try
        {
            while (await chunks.MoveNext(ct).ConfigureAwait(false))
            {
                var chunk = chunks.Current;
                if (digest is null)
                {
                    digest = ApiRequests.RequireDigest(chunk.BundleDigest);
                    staging = runtime.BundleDirectory(digest) + ".staging";
                    if (Directory.Exists(staging))
                    {
                        Directory.Delete(staging, recursive: true);
                    }

                    Directory.CreateDirectory(staging);
                }
                else if (chunk.BundleDigest.Length > 0 && chunk.BundleDigest != digest)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"chunk names bundle {chunk.BundleDigest}, the stream stages {digest}; stage one bundle per call"));
                }

                if (chunk.FileName.Length > 0)
                {
                    if (!AllowedFiles.Contains(chunk.FileName))
                    {
                        throw new RpcException(new Status(StatusCode.InvalidArgument, $"'{chunk.FileName}' is not a bundle file; a bundle holds {string.Join(", ", AllowedFiles)}"));
                    }

                    current?.Dispose();
                    current = new FileStream(Path.Combine(staging!, chunk.FileName), FileMode.CreateNew, FileAccess.Write);
                }

                if (current is null)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, "the first chunk must name its file (file_name)"));
                }

                await current.WriteAsync(chunk.Data.Memory, ct).ConfigureAwait(false);
                bytes += (ulong)chunk.Data.Length;
            }

            if (current is not null)
            {
                await current.FlushAsync(ct).ConfigureAwait(false);
                current.Flush(flushToDisk: true);
                current.Dispose();
                current = null;
            }

            if (digest is null)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "the stream held no chunk; send the bundle's files"));
            }

            Promote(digest, staging!);
            AgentLog.BundleStaged(logger, digest, bytes);
            return new StageBundleResponse { BundleDigest = digest, Bytes = bytes };
        }
        finally
        {
            current?.Dispose();
            if (staging is not null && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private void Promote(string digest, string staging)
    {
        string? refusal;
        try
        {
            var verified = BundleVerifier.Verify(staging, runtime.Options.BundleTrustKey);
            refusal = verified.Digest == digest ? null : $"the files are bundle {verified.Digest}, not the announced {digest}";
        }
        catch (BundleVerificationException e)
        {
            refusal = e.Message;
        }

        if (refusal is not null)
        {
            AgentLog.BundleRefused(logger, digest, refusal);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"bundle {digest} refused and removed: {refusal}"));
        }

        var final = runtime.BundleDirectory(digest);
        if (!Directory.Exists(final))
        {
            // Same digest, same bytes: a bundle already in place is the one just received.
            Directory.Move(staging, final);
        }
    }
}
