using Microsoft.Extensions.Options;

namespace LiveUpdate.Agent.Hosting;

/// <summary>Checks what data annotations cannot: that files exist and settings agree with each other.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new List<string>();
        void RequireFile(string key, string? path, bool required)
        {
            if (string.IsNullOrEmpty(path))
            {
                if (required)
                {
                    failures.Add($"Agent:{key}: is required");
                }
            }
            else if (!File.Exists(path))
            {
                failures.Add($"Agent:{key}: file '{path}' does not exist");
            }
        }

        RequireFile("Tls:Certificate", options.Tls.Certificate, required: true);
        RequireFile("Tls:Key", options.Tls.Key, required: true);
        RequireFile("Tls:ClientCa", options.Tls.ClientCa, required: true);
        RequireFile("BundleTrustKey", options.BundleTrustKey, required: false);
        if (string.IsNullOrWhiteSpace(options.Tls.OrchestratorName))
        {
            failures.Add("Agent:Tls:OrchestratorName: is required (the identity a client certificate must carry)");
        }

        if (!Uri.TryCreate(options.Listen, UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"Agent:Listen: '{options.Listen}' must be an https:// URL (the API is mTLS only)");
        }

        if (options.Sandbox is not null)
        {
            if (!Path.IsPathRooted(options.Sandbox) || Path.GetFullPath(options.Sandbox) == "/")
            {
                failures.Add($"Agent:Sandbox: '{options.Sandbox}' must be an absolute path to a sandbox tree, never '/'");
            }
            else if (!Directory.Exists(options.Sandbox))
            {
                failures.Add($"Agent:Sandbox: directory '{options.Sandbox}' does not exist");
            }
        }

        if (!Directory.Exists(options.Root))
        {
            failures.Add($"Agent:Root: directory '{options.Root}' does not exist");
        }

        if (!Path.IsPathRooted(options.StateDirectory))
        {
            failures.Add($"Agent:StateDirectory: '{options.StateDirectory}' must be an absolute path");
        }

        if (options.PlaybookDirectory is not null && !Directory.Exists(options.PlaybookDirectory))
        {
            failures.Add($"Agent:PlaybookDirectory: directory '{options.PlaybookDirectory}' does not exist");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
