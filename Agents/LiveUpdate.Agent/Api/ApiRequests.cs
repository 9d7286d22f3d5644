using System.Text.RegularExpressions;
using Grpc.Core;

namespace LiveUpdate.Agent.Api;

/// <summary>Checks on names that become paths in the state directory, so no request can reach outside it.</summary>
internal static partial class ApiRequests
{
    public static string RequireDigest(string digest) =>
        IsDigest(digest) ? digest : throw new RpcException(new Status(StatusCode.InvalidArgument, $"bundle digest '{digest}' is not 64 lowercase hex characters"));

    public static string RequireUpdateId(string updateId) =>
        UpdateIdPattern().IsMatch(updateId)
            ? updateId
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"update id '{updateId}' must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit"));

    public static bool IsDigest(string digest) => DigestPattern().IsMatch(digest);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex UpdateIdPattern();
}
