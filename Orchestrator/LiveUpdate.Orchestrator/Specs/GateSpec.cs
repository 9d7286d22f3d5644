namespace LiveUpdate.Orchestrator.Specs;

/// <summary>A check that must pass before the rollout moves on. The subtypes are the gate kinds a spec may name.</summary>
public abstract record GateSpec
{
    /// <summary>The key that names this gate kind in YAML.</summary>
    public abstract string Kind { get; }
}

/// <summary>GET a URL and require a status code.</summary>
public sealed record HttpGate(Uri Url, int ExpectStatus, TimeSpan Timeout) : GateSpec
{
    public override string Kind => "http";
}

/// <summary>Run a command (with <c>{host}</c> replaced by the host name) and require exit code 0.</summary>
public sealed record CommandGate(string Run, TimeSpan Timeout) : GateSpec
{
    public override string Kind => "command";
}

/// <summary>Evaluate a Prometheus instant query and require every sample to be at most <see cref="Max"/>.</summary>
public sealed record PrometheusGate(Uri Url, string Query, decimal Max) : GateSpec
{
    public override string Kind => "prometheus";
}

/// <summary>Require the measured p99 VM blackout of the wave to stay within budget.</summary>
public sealed record BlackoutGate(TimeSpan P99) : GateSpec
{
    public override string Kind => "blackout";
}
