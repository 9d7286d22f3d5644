namespace LiveUpdate.Host.Handover;

/// <summary>Whether one handover mode can run on a host, and why (or why not) in words an operator can act on.</summary>
/// <param name="RequiresSignedImage">True under lockdown or CONFIG_KEXEC_SIG_FORCE: only a signed kernel loads.</param>
public sealed record HandoverCapability(HandoverMode Mode, bool Available, string Reason, bool RequiresSignedImage = false)
{
    /// <summary>Whether an image with (or without) a signature the kernel trusts could be loaded.</summary>
    public bool Allows(bool imageSigned) => Available && (imageSigned || !RequiresSignedImage);
}
