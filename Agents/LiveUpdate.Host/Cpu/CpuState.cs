namespace LiveUpdate.Host.Cpu;

/// <param name="Id">The CPU number (<c>cpuN</c>).</param>
/// <param name="Online">Whether the CPU runs tasks now.</param>
/// <param name="Hotpluggable">False when the kernel gives the CPU no <c>online</c> file (often cpu0).</param>
public sealed record CpuState(int Id, bool Online, bool Hotpluggable);
