using System.Globalization;
using LiveUpdate.Kernel.CommandLine;
using LiveUpdate.Kernel.Memory;

namespace LiveUpdate.Kernel.Layout;

/// <summary>
/// Plans the next kernel's command line from the running one. Pure: the same request always gives the same
/// result, so a dry run shows exactly what will be booted. See README.md for the template syntax.
/// </summary>
public static class LayoutPlanner
{
    public static LayoutPlanResult Plan(LayoutRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<LayoutError>();
        var expanded = TemplateExpander.Expand(request.Template, request.Running, errors);
        var generation = ReadGeneration(request.Running, errors);
        CheckDigest(request.BundleDigest, errors);

        var memmap = RunningMemmap.Read(request.Running, errors);
        var slots = request.Multikernel ? SlotPlanner.Read(request, errors) : null;
        if (memmap is not null)
        {
            memmap.CheckOverlaps(errors);
            PmemValidator.Check(memmap.Pmem, request, errors);
            slots?.Check(request, memmap, errors);
        }

        if (errors.Count > 0 || expanded is null || memmap is null || generation is null)
        {
            return new LayoutPlanResult(null, errors);
        }

        var next = new List<KernelParameter>(expanded.Parameters);
        next.AddRange(memmap.Carry(r => slots?.IsSlotReservation(r) == true).Select(v => new KernelParameter(MemmapParser.ParameterName, v)));
        if (slots is not null)
        {
            next.Add(new(MemmapParser.ParameterName, slots.ReservationFor(slots.Current).ToString()));
            next.Add(new(ManagedParameters.Slots, slots.SlotsValue));
            next.Add(new(ManagedParameters.Slot, slots.Next.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            // kexec mode does not move the kernel, so a declared slot layout is carried as it is.
            next.AddRange(request.Running.Parameters.Where(p => p.Key is ManagedParameters.Slots or ManagedParameters.Slot));
        }

        next.Add(new(ManagedParameters.Generation, (generation.Value + 1).ToString(CultureInfo.InvariantCulture)));
        next.Add(new(ManagedParameters.Bundle, request.BundleDigest));
        var plan = new LayoutPlan(new KernelCommandLine(next, expanded.InitArguments), memmap.Pmem, generation.Value + 1, slots?.NextSlot);
        return new LayoutPlanResult(plan, errors);
    }

    private static ulong? ReadGeneration(KernelCommandLine running, List<LayoutError> errors)
    {
        if (!running.Has(ManagedParameters.Generation))
        {
            return 0;
        }

        var value = running.GetLast(ManagedParameters.Generation);
        if (ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var generation) && generation < ulong.MaxValue)
        {
            return generation;
        }

        errors.Add(new LayoutError(LayoutErrorCode.GenerationInvalid,
            $"liveupdate.generation={value} on the running kernel is not a generation number",
            "boot with liveupdate.generation=N (a non-negative integer) or without it for generation 0"));
        return null;
    }

    private static void CheckDigest(string digest, List<LayoutError> errors)
    {
        if (digest.Length != 64 || !digest.All(char.IsAsciiHexDigitLower))
        {
            errors.Add(new LayoutError(LayoutErrorCode.BundleDigestInvalid,
                $"bundle digest '{digest}' is not 64 lowercase hex characters",
                "pass the digest from the bundle's verified manifest (Bundle.Digest)"));
        }
    }
}
