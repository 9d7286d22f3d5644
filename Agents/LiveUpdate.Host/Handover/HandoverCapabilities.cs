namespace LiveUpdate.Host.Handover;

/// <summary>What a host can do to switch kernels, from <see cref="HandoverCapabilityDetector"/>.</summary>
public sealed record HandoverCapabilities(HandoverCapability KexecFile, HandoverCapability Multikernel, HandoverCapability Luo)
{
    /// <summary>Modes with a driver that can run here, most proven first.</summary>
    public IReadOnlyList<HandoverMode> DriverModes =>
        [.. new[] { KexecFile, Multikernel }.Where(c => c.Available).Select(c => c.Mode)];

    public HandoverCapability For(HandoverMode mode) => mode switch
    {
        HandoverMode.Kexec => KexecFile,
        HandoverMode.Multikernel => Multikernel,
        HandoverMode.Luo => Luo,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown handover mode."),
    };
}
