using System.Diagnostics.CodeAnalysis;

namespace LiveUpdate.Agent.Handover;

/// <summary>
/// Ends the agent's process the way a kernel switch would. Production exits; tests throw
/// <see cref="Runner.ProcessEndingException"/> so the "old kernel" stops right there, in-process.
/// </summary>
public interface IProcessTerminator
{
    /// <summary>True once <see cref="EndProcess"/> began: shutdown must not wait for the update that called it.</summary>
    bool Ending { get; }

    [DoesNotReturn]
    void EndProcess(string reason);
}
