using LiveUpdate.Orchestrator.Store;
using System.CommandLine;
using LiveUpdate.Orchestrator.AgentApi;

namespace LiveUpdate.Cli.Orchestration;

/// <summary>Where the orchestrator keeps its store and its mTLS identity; shared by every rollout verb.</summary>
internal sealed record OrchestratorSettings(string StorePath, string TlsDirectory, string? BundleTrustKey, Uri? Otlp = null, bool TelemetryToConsole = false)
{
    public const string StoreVariable = "LIVEUPDATE_STORE";
    public const string TlsVariable = "LIVEUPDATE_TLS";

    public AgentClientOptions AgentOptions() => new()
    {
        CaPemPath = Path.Combine(TlsDirectory, "ca.pem"),
        ClientCertificatePemPath = Path.Combine(TlsDirectory, "orchestrator.pem"),
        ClientKeyPemPath = Path.Combine(TlsDirectory, "orchestrator.key"),
        RetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(200),
        RetryMaxDelay = TimeSpan.FromSeconds(5),
    };

    /// <summary>`--store`: a SQLite file, or etcd://HOST:PORT/PREFIX when several orchestrators share the fleet.</summary>
    public static Option<string> StoreOption()
    {
        var option = new Option<string>("--store")
        {
            Description = $"The orchestrator's store: a SQLite file, or etcd://HOST:PORT/PREFIX shared by several orchestrators (default ${StoreVariable} or /var/lib/liveupdate/orchestrator.db).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StoreVariable) ?? "/var/lib/liveupdate/orchestrator.db",
        };
        option.Validators.Add(result =>
        {
            try
            {
                RolloutStoreLocation.Parse(result.GetValueOrDefault<string>() ?? "");
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                result.AddError(e.Message);
            }
        });
        return option;
    }

    /// <summary>The options every rollout verb takes, declared once.</summary>
    internal sealed class Options
    {
        public Option<string> Store { get; } = StoreOption();

        public Option<DirectoryInfo> Tls { get; } = new("--tls")
        {
            Description = $"Directory with ca.pem, orchestrator.pem and orchestrator.key (default ${TlsVariable} or /etc/liveupdate/tls).",
            DefaultValueFactory = _ => new DirectoryInfo(Environment.GetEnvironmentVariable(TlsVariable) ?? "/etc/liveupdate/tls"),
        };

        public Option<FileInfo?> BundleTrust { get; } = new("--bundle-trust")
        {
            Description = "Public key (PEM) the bundle must be signed with.",
        };

        public Option<Uri?> Otlp { get; } = new("--otlp")
        {
            Description = "Send traces (rollout → wave → host → step) and metrics to this OTLP collector, e.g. http://localhost:4317 (default $LIVEUPDATE_OTLP).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LIVEUPDATE_OTLP") is { Length: > 0 } url ? new Uri(url) : null,
        };

        public Option<bool> TelemetryConsole { get; } = new("--telemetry-console") { Description = "Print traces and metrics on the console (for local use)." };

        public void AddTo(Command command)
        {
            command.Options.Add(Otlp);
            command.Options.Add(TelemetryConsole);
            command.Options.Add(Store);
            command.Options.Add(Tls);
            command.Options.Add(BundleTrust);
        }

        public OrchestratorSettings Read(ParseResult parse)
        {
            var store = RolloutStoreLocation.Parse(parse.GetRequiredValue(Store)).Text;
            return new OrchestratorSettings(store, parse.GetRequiredValue(Tls).FullName, parse.GetValue(BundleTrust)?.FullName, parse.GetValue(Otlp), parse.GetValue(TelemetryConsole));
        }
    }
}
