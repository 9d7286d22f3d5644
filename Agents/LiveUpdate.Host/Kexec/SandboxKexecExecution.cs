namespace LiveUpdate.Host.Kexec;

/// <summary>A handover a sandbox host was asked to perform: the reboot command and the image it would boot.</summary>
/// <param name="Command"><c>kexec</c> or <c>multikernel</c>.</param>
/// <param name="TargetCpu">The CPU the multikernel instance boots on; null for kexec.</param>
public sealed record SandboxKexecExecution(string Command, int? TargetCpu, SandboxKexecImage Image);
