namespace LiveUpdate.E2E.Tests.Lab;

/// <summary>
/// The lab's serial console as it arrives, with waiters that complete on the first matching line: the
/// tests wait on what the lab host says (agent listening, new kernel up), never on the clock.
/// </summary>
public sealed class SerialLog
{
    private readonly List<SerialLine> _lines = [];
    private readonly List<(int From, Func<SerialLine, bool> Match, TaskCompletionSource<SerialLine> Done)> _waiters = [];
    private string? _ended;

    public IReadOnlyList<SerialLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Add(string raw)
    {
        lock (_lines)
        {
            var line = SerialLine.Parse(_lines.Count, raw);
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => line.Index >= w.From && w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(line);
            }
        }
    }

    /// <summary>The lab is gone: nothing more will arrive, so every waiter fails now rather than at its deadline.</summary>
    public void End(string why)
    {
        lock (_lines)
        {
            _ended = why;
            foreach (var waiter in _waiters)
            {
                waiter.Done.TrySetException(new InvalidOperationException($"{why}\n{Tail()}"));
            }

            _waiters.Clear();
        }
    }

    /// <summary>The first line at or after <paramref name="from"/> containing <paramref name="text"/>.</summary>
    public Task<SerialLine> WaitForAsync(string text, int from, TimeSpan limit) =>
        WaitForAsync(l => l.Text.Contains(text, StringComparison.Ordinal), from, limit, text);

    public async Task<SerialLine> WaitForAsync(Func<SerialLine, bool> match, int from, TimeSpan limit, string what)
    {
        TaskCompletionSource<SerialLine> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Skip(from).FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            if (_ended is not null)
            {
                throw new InvalidOperationException($"waiting for '{what}': {_ended}\n{Tail()}");
            }

            _waiters.Add((from, match, done));
        }

        try
        {
            return await done.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the lab did not print '{what}' within {limit}; last lines:\n{Tail()}");
        }
    }

    public string Tail(int count = 40)
    {
        lock (_lines)
        {
            return string.Join('\n', _lines.TakeLast(count));
        }
    }
}
