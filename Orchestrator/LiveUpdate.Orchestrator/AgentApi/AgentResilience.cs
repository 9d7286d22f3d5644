using Grpc.Core;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Orchestrator.AgentApi;

/// <summary>
/// One Polly pipeline per host: retry (idempotent calls only, jittered exponential backoff) around a circuit
/// breaker around a per-attempt timeout. A single pipeline per host means a single breaker per host, whatever the
/// call; whether a call may be retried travels in its <see cref="ResilienceContext"/>.
/// </summary>
internal static class AgentResilience
{
    public static readonly ResiliencePropertyKey<AgentCallKind> CallKind = new("liveupdate.agent-call-kind");

    public static ResiliencePipeline Build(string host, AgentClientOptions options, TimeProvider time, ILoggerFactory loggers, Action<string> onRetry)
    {
        var telemetry = new TelemetryOptions { LoggerFactory = loggers };
        return new ResiliencePipelineBuilder { Name = "liveupdate-agent", InstanceName = host, TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                // Polly wants at least one attempt configured; zero retries is honoured here instead.
                ShouldHandle = args => ValueTask.FromResult(
                    options.RetryAttempts > 0 && KindOf(args.Context) != AgentCallKind.Once && IsTransient(args.Outcome.Exception)),
                MaxRetryAttempts = Math.Max(1, options.RetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                OnRetry = _ =>
                {
                    onRetry(host);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(KindOf(args.Context) switch
                {
                    AgentCallKind.IdempotentUpload => options.StageTimeout,
                    AgentCallKind.IdempotentStream or AgentCallKind.Once => Timeout.InfiniteTimeSpan,
                    _ => options.CallTimeout,
                }),
            })
            .ConfigureTelemetry(telemetry)
            .Build();
    }

    /// <summary>Failures that say "try again later" rather than "the request is wrong".</summary>
    public static bool IsTransient(Exception? ex) => ex switch
    {
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Internal,
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    public static bool IsUnavailable(Exception ex) => IsTransient(ex) || ex is BrokenCircuitException;

    // A call that does not say what it is gets the safest treatment: no retry.
    private static AgentCallKind KindOf(ResilienceContext context) =>
        context.Properties.TryGetValue(CallKind, out var kind) ? kind : AgentCallKind.Once;
}
