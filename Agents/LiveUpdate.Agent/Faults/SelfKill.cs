using System.Runtime.InteropServices;

namespace LiveUpdate.Agent.Faults;

/// <summary>
/// kill(getpid(), SIGKILL): the process ends at once, as under `kill -9` or a power cut of the
/// process — no finally blocks, no flushes, no host shutdown. Only what the journal fsync'ed is left.
/// </summary>
internal static partial class SelfKill
{
    private const int SigKill = 9;

    public static void Now()
    {
        _ = Kill(Environment.ProcessId, SigKill);

        // kill(2) on ourselves with SIGKILL does not return; if it somehow did, never carry on past the fault point.
        Environment.FailFast("fault injection: kill(getpid(), SIGKILL) returned");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
