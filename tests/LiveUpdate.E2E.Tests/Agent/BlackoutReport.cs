using System.Globalization;
using System.Text;
using LiveUpdate.Agent.Api.V1;
using LiveUpdate.E2E.Tests.Lab;

namespace LiveUpdate.E2E.Tests.Agent;

/// <summary>
/// Where the time of a kernel switch went: step durations from the journal (each measured within one
/// kernel's clock), and the new kernel's boot from the serial console (host clock). The old and new
/// kernel read the same RTC at boot, to the second, so spans across the switch carry about 1 s of error.
/// </summary>
internal static class BlackoutReport
{
    public static string Format(IReadOnlyList<UpdateEvent> events, SerialLog serial, int newKernelFrom, CounterTicks restored)
    {
        var text = new StringBuilder("blackout breakdown (s)\n");
        void Row(string name, double? seconds, string note = "") =>
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-34} {(seconds is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-"),8}  {note}");

        Row("kexec load (before the blackout)", Step(events, "load"));
        Row("suspend", Step(events, "suspend"));
        Row("save to PMEM", Step(events, "save"));
        Row("offline cpu", Step(events, "offline-cpu"));
        var handover = Started(events, "handover");
        var firstNew = events.FirstOrDefault(e => e.BootId != events[0].BootId);
        Row("handover -> first new-kernel event", Span(handover, firstNew?.At.ToDateTimeOffset()), "journal, across clocks");
        var lines = serial.Lines.Skip(newKernelFrom).ToList();
        double? At(string text) => lines.FirstOrDefault(l => l.Text.Contains(text, StringComparison.Ordinal))?.At;
        Row("  new kernel: init -> ready", Diff(At("INIT_START"), At("INIT_READY")), "serial");
        Row("  libvirtd start", Diff(At("INIT_READY"), At("SERVICE libvirtd up")), "serial");
        Row("  agent start (exec -> listening)", Diff(At("AGENT_START"), At(LabAgent.Listening)), "serial, includes recovery");
        Row("online cpus", Step(events, "online-cpus"));
        Row("restore from PMEM", Step(events, "restore"));
        Row("resume", Step(events, "resume"));
        Row("suspend start -> resume end", Span(Started(events, "suspend"), Completed(events, "resume")), "journal, across clocks");
        var lastLive = CounterTicks.From(serial.Lines.Take(newKernelFrom)).Ticks.LastOrDefault();
        if (restored.Ticks.Count > 0 && lastLive.At > 0)
        {
            Row("guest: last tick seen -> first restored", restored.Ticks[0].At - lastLive.At,
                $"host clock, 0x{lastLive.Value:x} -> 0x{restored.Ticks[0].Value:x}, ticks every 128/100 s of guest time");
        }

        return text.ToString();
    }

    private static DateTimeOffset? Started(IEnumerable<UpdateEvent> events, string step) =>
        events.FirstOrDefault(e => e.StepId == step && e.Type == "StepStarted")?.At.ToDateTimeOffset();

    private static DateTimeOffset? Completed(IEnumerable<UpdateEvent> events, string step) =>
        events.LastOrDefault(e => e.StepId == step && e.Type == "StepCompleted")?.At.ToDateTimeOffset();

    private static double? Step(IReadOnlyList<UpdateEvent> events, string step) => Span(Started(events, step), Completed(events, step));

    private static double? Span(DateTimeOffset? from, DateTimeOffset? to) => from is { } a && to is { } b ? (b - a).TotalSeconds : null;

    private static double? Diff(double? from, double? to) => from is { } a && to is { } b ? b - a : null;
}
