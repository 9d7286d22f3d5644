using Microsoft.Extensions.Options;

namespace LiveUpdate.Agent.Hosting;

/// <summary>Checks what data annotations cannot: that files exist and settings agree with each other.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new List<string>();
        void RequireFile(string key, string? path)
        {
            if (!string.IsNullOrEmpty(path) && !File.Exists(path))
            {
                failures.Add($"Agent:{key}: file '{path}' does not exist");
            }
        }

        RequireFile("Tls:Certificate", options.Tls.Certificate);
        RequireFile("Tls:Key", options.Tls.Key);
        RequireFile("Tls:ClientCa", options.Tls.ClientCa);
        RequireFile("BundleTrustKey", options.BundleTrustKey);
        if (!Uri.TryCreate(options.Listen, UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"Agent:Listen: '{options.Listen}' must be an https:// URL (the API is mTLS only)");
        }

        if (options.Sandbox is not null && !Directory.Exists(options.Sandbox))
        {
            failures.Add($"Agent:Sandbox: directory '{options.Sandbox}' does not exist");
        }

        if (!Directory.Exists(options.Root))
        {
            failures.Add($"Agent:Root: directory '{options.Root}' does not exist");
        }

        if (options.PlaybookDirectory is not null && !Directory.Exists(options.PlaybookDirectory))
        {
            failures.Add($"Agent:PlaybookDirectory: directory '{options.PlaybookDirectory}' does not exist");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
