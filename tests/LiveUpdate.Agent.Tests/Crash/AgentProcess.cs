using System.Collections.Concurrent;
using System.Diagnostics;
using LiveUpdate.Agent.Faults;
using LiveUpdate.Lab.Fleet;
using LiveUpdate.Lab.Supervision;

namespace LiveUpdate.Agent.Tests.Crash;

/// <summary>
/// One real `liveupdate-agent serve --config F --sandbox ROOT` process, started the way the lab's
/// supervisor (and systemd) starts it, optionally with a fault point in its environment.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    /// <summary>What a process killed by SIGKILL reports as its exit code (128 + 9).</summary>
    public const int KilledBySigKill = 137;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly string _journal;

    private AgentProcess(Process process, string? fault, string journal)
    {
        _process = process;
        Fault = fault;
        _journal = journal;
    }

    public string? Fault { get; }

    public string Output => string.Join('\n', _output);

    public static AgentProcess Start(LabHostSpec host, string? fault) =>
        Start(["serve", "--config", host.AgentConfig, "--sandbox", host.Root], fault, host.StateDirectory);

    public static AgentProcess Start(IReadOnlyList<string> arguments, string? fault, string stateDirectory)
    {
        var start = AgentExecutable.StartInfo(arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Remove(FaultInjection.Variable);
        if (fault is not null)
        {
            start.Environment[FaultInjection.Variable] = fault;
        }

        var process = new Process { StartInfo = start };
        var agent = new AgentProcess(process, fault, Path.Combine(stateDirectory, LiveUpdate.Agent.Journal.FileJournal.FileName));
        process.OutputDataReceived += (_, e) => agent.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => agent.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Waits for the process to end on its own (a fault, the sim handover) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the agent (fault {Fault ?? "none"}) did not end within {timeout.TotalSeconds:0} s; its journal:\n{JournalText()}\nits output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private string JournalText() => File.Exists(_journal) ? File.ReadAllText(_journal) : "(none)";

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
