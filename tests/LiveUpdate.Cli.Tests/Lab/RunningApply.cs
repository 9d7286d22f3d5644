using System.Text;

namespace LiveUpdate.Cli.Tests.Lab;

/// <summary>
/// `liveupdate apply` running in the background, as an operator watches it from one shell while acting from
/// another. Off a terminal, apply prints one line per store event once that event is committed, so each line is
/// the moment to read the store again: a read started after a line sees at least what the line reports.
/// Disposing stops an apply still running (a test that failed half-way), before its lab goes down.
/// </summary>
internal sealed class RunningApply : IAsyncDisposable
{
    private readonly ProgressWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly CancellationTokenSource _stop = new();

    private RunningApply(string[] args) => Exit = CliApp.RunAsync(args, _output, _error, _stop.Token);

    public Task<int> Exit { get; }

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    public static RunningApply Start(params string[] args) => new(["apply", .. args]);

    /// <summary>
    /// Reads with <paramref name="read"/> until <paramref name="done"/> holds, reading again after each progress line.
    /// Fails when apply ends first, or after <paramref name="timeout"/>.
    /// </summary>
    /// <param name="read">Returns null while there is nothing to read yet.</param>
    public async Task<T> WaitUntilAsync<T>(Func<Task<T?>> read, Func<T, bool> done, TimeSpan timeout, string what)
        where T : struct
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            // Armed before reading, so a line printed during the read wakes the next wait instead of being missed.
            var line = _output.NextLine();
            var ended = Exit.IsCompleted;
            var value = await read();
            if (value is { } v && done(v))
            {
                return v;
            }

            Assert.False(ended, $"apply ended before {what}; last read: {value}\n{Error}{Output}");
            try
            {
                await Task.WhenAny(line, Exit).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no {what} within {timeout}; last read: {value}\n{Output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Exit.WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped (or left behind): what matters now is the original failure, and `lab down`.
        }

        _stop.Dispose();
        _error.Dispose();
        _output.Dispose();
    }

    /// <summary>Keeps what apply prints and completes a waiter at each end of line.</summary>
    private sealed class ProgressWriter : TextWriter
    {
        private readonly Lock _lock = new();
        private readonly StringBuilder _text = new();
        private TaskCompletionSource _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Encoding Encoding => Encoding.UTF8;

        public Task NextLine()
        {
            lock (_lock)
            {
                _line = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _line.Task;
            }
        }

        public override void Write(char value) => Append(value.ToString());

        public override void Write(string? value) => Append(value);

        public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

        public override string ToString()
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }

        private void Append(string? text)
        {
            lock (_lock)
            {
                _text.Append(text);
                if (text is not null && text.Contains('\n', StringComparison.Ordinal))
                {
                    _line.TrySetResult();
                }
            }
        }
    }
}
