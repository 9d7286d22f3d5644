namespace LiveUpdate.Kernel.Bundles;

/// <summary>Why a bundle was refused.</summary>
public enum BundleFailure
{
    DirectoryMissing,
    ManifestInvalid,
    ManifestEdited,
    FileMissing,
    ExtraFile,
    FileChanged,
    SignatureMissing,
    SignatureInvalid,
    KeyInvalid,
}
