using LiveUpdate.Host.Kexec;
using LiveUpdate.Host.Roots;
using LiveUpdate.Host.Sandbox;
using LiveUpdate.Host.Tests.Sandbox;

namespace LiveUpdate.Host.Tests.Kexec;

public sealed class KexecErrorsTests
{
    [Fact]
    public void FromErrno_EpermUnderIntegrityLockdown_SaysLockdown()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { Lockdown = "none [integrity] confidentiality" });

        KexecException ex = KexecErrors.FromErrno("load", 1, tree.Root);

        Assert.Equal(KexecFailure.Lockdown, ex.Reason);
        Assert.Contains("sign", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromErrno_EpermWithLoadDisabled_SaysLoadDisabled()
    {
        using var tree = SandboxHostTree.Plausible(new SandboxHostOptions { KexecLoadDisabled = true });

        Assert.Equal(KexecFailure.LoadDisabled, KexecErrors.FromErrno("load", 1, tree.Root).Reason);
    }

    [Fact]
    public void FromErrno_EpermOtherwise_IsPermissionDenied()
    {
        using var tree = SandboxHostTree.Plausible();

        Assert.Equal(KexecFailure.PermissionDenied, KexecErrors.FromErrno("load", 1, tree.Root).Reason);
    }

    [Theory]
    [InlineData(129, KexecFailure.SignatureRejected)]
    [InlineData(74, KexecFailure.SignatureRejected)]
    [InlineData(8, KexecFailure.NotAKernelImage)]
    [InlineData(16, KexecFailure.Busy)]
    [InlineData(12, KexecFailure.OutOfMemory)]
    [InlineData(38, KexecFailure.NotSupported)]
    [InlineData(22, KexecFailure.Other)]
    public void FromErrno_LoadErrno_MapsToReason(int errno, KexecFailure expected)
    {
        KexecException ex = KexecErrors.FromErrno("load", errno, new HostRoot("/nonexistent-root"));

        Assert.Equal(expected, ex.Reason);
        Assert.Equal(errno, ex.Errno);
    }
}
