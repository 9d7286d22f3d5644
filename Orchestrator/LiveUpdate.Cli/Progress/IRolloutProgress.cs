using LiveUpdate.Orchestrator.Engine;
using LiveUpdate.Orchestrator.Store;

namespace LiveUpdate.Cli.Progress;

/// <summary>Shows a running rollout: called with each fresh status and the store events since the last call.</summary>
internal interface IRolloutProgress : IAsyncDisposable
{
    void Update(RolloutStatus status, IReadOnlyList<RolloutEventRecord> newEvents);
}

internal static class RolloutProgress
{
    /// <summary>A live table on a terminal; plain lines anywhere else (CI logs, pipes, tests).</summary>
    public static IRolloutProgress For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null
            ? new LiveRolloutProgress()
            : new PlainRolloutProgress(output);

    /// <summary>Polls the store while the engine runs, feeding the view; returns when the engine does.</summary>
    public static async Task<T> FollowAsync<T>(IRolloutStore store, string rolloutId, Task<T> engine, IRolloutProgress view, TimeSpan every)
    {
        long lastEvent = 0;
        while (true)
        {
            var done = engine.IsCompleted;
            var events = store.Events(rolloutId, lastEvent);
            if (events.Count > 0)
            {
                lastEvent = events[^1].Id;
            }

            view.Update(Rollouts.Status(store, rolloutId), events);
            if (done)
            {
                return await engine.ConfigureAwait(false);
            }

            await Task.WhenAny(engine, Task.Delay(every)).ConfigureAwait(false);
        }
    }
}
