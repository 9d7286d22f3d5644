using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using LiveUpdate.Agent.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveUpdate.Agent.Handover;

/// <summary>
/// The lab's end of the old kernel: log why, then exit 0 so systemd (Restart=always) starts the agent
/// again, which then finds the new kernel identity in the sandbox tree and recovers. The journal needs
/// no flush here: every record was fsync'ed when it was written.
/// </summary>
internal sealed class ExitProcessTerminator(ILogger<ExitProcessTerminator> logger) : IProcessTerminator
{
    private volatile bool _ending;

    public bool Ending => _ending;

    [DoesNotReturn]
    public void EndProcess(string reason)
    {
        _ending = true;
        AgentLog.ProcessEnding(logger, reason);
        Console.Out.Flush();
        Console.Error.Flush();
        Environment.Exit(0);
        throw new UnreachableException();
    }
}
