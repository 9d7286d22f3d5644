using System.Diagnostics;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Engine.Gates;

/// <summary>Runs the command through <c>/bin/sh -c</c> with <c>{host}</c> replaced; exit code 0 passes.</summary>
internal static class CommandGateCheck
{
    public static async Task<GateResult> RunAsync(CommandGate gate, string host, TimeProvider time, CancellationToken ct)
    {
        var command = gate.Run.Replace("{host}", host, StringComparison.Ordinal);
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh for a command gate");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = new CancellationTokenSource(gate.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            return GateResult.Fail($"command '{command}' did not finish within {gate.Timeout}; killed");
        }

        var text = (await output + await error).Trim();
        var tail = text.Length > 400 ? text[^400..] : text;
        return process.ExitCode == 0
            ? GateResult.Pass($"command '{command}' exited 0")
            : GateResult.Fail($"command '{command}' exited {process.ExitCode}: {tail}");
    }
}
