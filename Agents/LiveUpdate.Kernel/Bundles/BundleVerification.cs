namespace LiveUpdate.Kernel.Bundles;

/// <summary>
/// A bundle whose files match its manifest. <see cref="Signed"/>: manifest.sig is present; <see cref="Trusted"/>:
/// it was checked against the trusted key given to the verifier.
/// </summary>
public sealed record BundleVerification(string Digest, BundleManifest Manifest, bool Signed, bool Trusted);
