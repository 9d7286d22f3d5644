using System.Diagnostics.CodeAnalysis;
using LiveUpdate.Agent.Handover;
using LiveUpdate.Agent.Runner;

namespace LiveUpdate.Agent.Tests.Api;

/// <summary>Ends the "old kernel" in-process: signals, then throws the exception nothing may catch.</summary>
internal sealed class ThrowingTerminator : IProcessTerminator
{
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Ending => _ended.Task.IsCompleted;

    public Task<string> Ended => _ended.Task;

    [DoesNotReturn]
    public void EndProcess(string reason)
    {
        _ended.TrySetResult(reason);
        throw new ProcessEndingException(reason);
    }
}
