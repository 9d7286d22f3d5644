using LiveUpdate.Kernel.Layout;
using static LiveUpdate.Kernel.Tests.Layout.LayoutFixture;

namespace LiveUpdate.Kernel.Tests.Layout;

public sealed class LayoutPlannerTests
{
    [Fact]
    public void Plan_Kexec_InheritsUnmanagedCopiesPmemAndBumpsGeneration()
    {
        var plan = Succeed(LayoutFixture.Plan(
            "BOOT_IMAGE=/vmlinuz root=/dev/vda1 ro initrd=/initrd.img memmap=4G!4G liveupdate.generation=3 liveupdate.bundle=old -- single",
            "${inherit} quiet"));

        Assert.Equal($"root=/dev/vda1 ro quiet memmap=4G!4G liveupdate.generation=4 liveupdate.bundle={Digest} -- single",
            plan.NextCommandLine.ToString());
        Assert.Equal(4UL, plan.Generation);
        Assert.Null(plan.Slot);
        Assert.Equal(["4G!4G"], plan.PmemRegions.Select(r => r.ToString()));
    }

    [Fact]
    public void Plan_InheritSelectedKeys_TakesOnlyThoseAndStartsAtGenerationOne()
    {
        var plan = Succeed(LayoutFixture.Plan("root=/dev/vda1 console=tty0 splash console=ttyS0 memmap=0x100000000!0x100000000",
            "${inherit:root,console} ro -- emergency"));

        Assert.Equal($"root=/dev/vda1 console=tty0 console=ttyS0 ro memmap=0x100000000!0x100000000 liveupdate.generation=1 liveupdate.bundle={Digest} -- emergency",
            plan.NextCommandLine.ToString());
    }

    [Fact]
    public void Plan_Multikernel_TakesOtherSlotAndReservesThePreviousOne()
    {
        var plan = Succeed(LayoutFixture.Plan(
            "ro memmap=4G!4G memmap=1G$2G liveupdate.slots=1G@1G,1G@2G liveupdate.slot=0", "${inherit}", multikernel: true,
            requiredSlot: 64UL << 20));

        Assert.Equal($"ro memmap=4G!4G memmap=1G$1G liveupdate.slots=1G@1G,1G@2G liveupdate.slot=1 liveupdate.generation=1 liveupdate.bundle={Digest}",
            plan.NextCommandLine.ToString());
        Assert.Equal(new KernelSlot(1, 2UL << 30, 1UL << 30), plan.Slot);
    }

    [Fact]
    public void Plan_TemplateSetsManagedParameters_ReportsEach()
    {
        var result = LayoutFixture.Plan("memmap=4G!4G", "ro memmap=1G!1G liveupdate.generation=9 ${inherit:root,BOOT_IMAGE}");

        Assert.False(result.Succeeded);
        Assert.Null(result.Plan);
        Assert.Equal(3, result.Errors.Count(e => e.Code == LayoutErrorCode.TemplateSetsManaged));
    }

    [Theory]
    [InlineData("${inherit:}")]
    [InlineData("${inherit:a=b}")]
    [InlineData("${inheritall}")]
    [InlineData("ro x=\"unterminated")]
    public void Plan_BadTemplate_TemplateError(string template)
    {
        var result = LayoutFixture.Plan("memmap=4G!4G", template);

        Assert.Contains(result.Errors, e => e.Code is LayoutErrorCode.TemplateSyntax or LayoutErrorCode.TemplateSetsManaged);
    }

    [Fact]
    public void Plan_SeveralProblems_AllGathered()
    {
        var result = LayoutFixture.Plan("memmap=4G!4G memmap=1G$5G liveupdate.generation=x", "ro liveupdate.slot=1",
            requiredPmem: 5UL << 30);

        Assert.Equal(
            [LayoutErrorCode.TemplateSetsManaged, LayoutErrorCode.GenerationInvalid, LayoutErrorCode.MemmapOverlap, LayoutErrorCode.PmemTooSmall],
            result.Errors.Select(e => e.Code));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Fix)));
    }

    [Fact]
    public void Plan_NoPmem_SuggestsRegionAtTopOfLargestSystemRam()
    {
        var result = LayoutFixture.Plan("ro", requiredPmem: (5UL << 30) + 1);

        var error = Assert.Single(result.Errors);
        Assert.Equal(LayoutErrorCode.PmemMissing, error.Code);
        Assert.Contains("memmap=6G!11G", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoPmemAndAddressesHidden_SuggestsGenericFix()
    {
        var result = LayoutFixture.Plan("ro", iomem: "00000000-00000000 : System RAM\n");

        Assert.Contains("memmap=1G!OFFSET", Assert.Single(result.Errors).Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("memmap=1G!10G", LayoutErrorCode.PmemIsSystemRam)]
    [InlineData("memmap=1G!100G", LayoutErrorCode.PmemNotInIomem)]
    [InlineData("memmap=8G!4G", LayoutErrorCode.PmemIsSystemRam)]
    public void Plan_PmemNotPersistentInIomem_Refused(string running, LayoutErrorCode code)
    {
        Assert.Equal(code, Assert.Single(LayoutFixture.Plan(running).Errors).Code);
    }

    [Fact]
    public void Plan_AddressesHidden_OnlyChecksThatPersistentMemoryIsShown()
    {
        const string hidden = "00000000-00000000 : System RAM\n00000000-00000000 : Persistent Memory (legacy)\n";

        Succeed(LayoutFixture.Plan("memmap=1G!100G", iomem: hidden));
        Assert.Equal(LayoutErrorCode.PmemNotInIomem,
            Assert.Single(LayoutFixture.Plan("memmap=1G!100G", iomem: "00000000-00000000 : System RAM\n").Errors).Code);
    }

    [Fact]
    public void Plan_MultikernelWithoutSlots_SlotsMissing()
    {
        Assert.Equal(LayoutErrorCode.SlotsMissing, Assert.Single(LayoutFixture.Plan("memmap=4G!4G", multikernel: true).Errors).Code);
    }

    [Theory]
    [InlineData("liveupdate.slots=1G@1G liveupdate.slot=0 memmap=1G$2G", LayoutErrorCode.SlotsInvalid)]
    [InlineData("liveupdate.slots=1G@1G,1G@1536M memmap=1G$2G", LayoutErrorCode.SlotsInvalid)]
    [InlineData("liveupdate.slots=1G@1G,1G@2G liveupdate.slot=2 memmap=1G$2G", LayoutErrorCode.SlotInvalid)]
    [InlineData("liveupdate.slots=1G@1G,1G@2G liveupdate.slot=0", LayoutErrorCode.NextSlotNotReserved)]
    [InlineData("liveupdate.slots=1G@1G,1G@4G liveupdate.slot=1 memmap=1G$1G", LayoutErrorCode.SlotOverlapsPmem)]
    [InlineData("liveupdate.slots=1G@1G,32M@2G memmap=32M$2G", LayoutErrorCode.SlotTooSmall)]
    public void Plan_BadSlotLayout_Refused(string slots, LayoutErrorCode code)
    {
        var result = LayoutFixture.Plan($"memmap=4G!4G {slots}", multikernel: true, requiredSlot: 64UL << 20);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Plan_BadDigest_Refused()
    {
        var result = LayoutPlanner.Plan(new LayoutRequest(
            LiveUpdate.Kernel.CommandLine.KernelCommandLine.Parse("memmap=4G!4G"),
            LiveUpdate.Kernel.Memory.IomemParser.Parse(Iomem), "${inherit}", "ABC", Multikernel: false));

        Assert.Equal(LayoutErrorCode.BundleDigestInvalid, Assert.Single(result.Errors).Code);
    }
}
