using LiveUpdate.Playbooks.Tests.Loading;

namespace LiveUpdate.Playbooks.Tests.Digest;

public sealed class PlaybookDigestTests
{
    [Fact]
    public void Compute_KnownText_ReturnsSha256Hex()
    {
        // sha256("abc"), from FIPS 180-2.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PlaybookDigest.Compute("abc"));
    }

    [Fact]
    public void Compute_Playbook_EqualsDigestOfItsText()
    {
        var playbook = TestPlaybooks.Load(TestPlaybooks.Minimal).GetPlaybookOrThrow();

        Assert.Equal(PlaybookDigest.Compute(TestPlaybooks.Minimal), PlaybookDigest.Compute(playbook));
    }

    [Fact]
    public void Compute_CommentChanged_ChangesDigest()
    {
        var original = TestPlaybooks.Load(TestPlaybooks.Minimal).GetPlaybookOrThrow();
        var commented = TestPlaybooks.Load("# reviewed\n" + TestPlaybooks.Minimal).GetPlaybookOrThrow();

        Assert.NotEqual(PlaybookDigest.Compute(original), PlaybookDigest.Compute(commented));
    }

    [Fact]
    public void Compute_ShippedFile_EqualsDigestOfFileText()
    {
        var path = ShippedPlaybooks.PathOf(ShippedPlaybooks.PmemKexec);

        var playbook = PlaybookLoader.LoadFile(path).GetPlaybookOrThrow();

        Assert.Equal(PlaybookDigest.Compute(File.ReadAllText(path)), PlaybookDigest.Compute(playbook));
    }
}
