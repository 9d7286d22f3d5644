using LiveUpdate.Host.Cpu;

namespace LiveUpdate.Host.Tests.Cpu;

public sealed class CpuHotplugErrorsTests
{
    [Fact]
    public void FromWriteFailure_Ebusy_IsBusyAndRetryable()
    {
        CpuHotplugException ex = CpuHotplugErrors.FromWriteFailure(3, false, "/x", new IOException("Device or resource busy", 16));

        Assert.Equal(CpuHotplugFailure.Busy, ex.Reason);
        Assert.Equal(16, ex.Errno);
        Assert.True(ex.Retryable);
    }

    [Fact]
    public void FromWriteFailure_Eperm_IsPermissionDenied()
    {
        CpuHotplugException ex = CpuHotplugErrors.FromWriteFailure(3, false, "/x", new IOException("Operation not permitted", 1));

        Assert.Equal(CpuHotplugFailure.PermissionDenied, ex.Reason);
        Assert.Equal(1, ex.Errno);
    }

    [Fact]
    public void FromWriteFailure_OtherErrno_IsWriteFailedWithErrno()
    {
        CpuHotplugException ex = CpuHotplugErrors.FromWriteFailure(1, true, "/x", new IOException("Input/output error", 5));

        Assert.Equal(CpuHotplugFailure.WriteFailed, ex.Reason);
        Assert.Equal(5, ex.Errno);
    }

    [Fact]
    public void FromWriteFailure_FileGone_IsNotHotpluggable()
    {
        CpuHotplugException ex = CpuHotplugErrors.FromWriteFailure(1, false, "/x", new FileNotFoundException());

        Assert.Equal(CpuHotplugFailure.NotHotpluggable, ex.Reason);
    }
}
