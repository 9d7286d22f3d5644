using System.Buffers.Binary;
using System.Text;

namespace LiveUpdate.Kernel.Bundles;

/// <summary>
/// The release a kernel image would report as <c>uname -r</c>. A bzImage carries its version string
/// at the offset its setup header gives (field <c>kernel_version</c> at 0x20E, relative to 0x200);
/// the lab's stand-in images carry a <c>Linux version RELEASE</c> line in their first 64 KiB instead.
/// </summary>
public static class KernelImageRelease
{
    private const int HeaderMagicOffset = 0x202;
    private const int VersionPointerOffset = 0x20E;
    private const int VersionBase = 0x200;
    private const int ScanLength = 64 * 1024;
    private static readonly byte[] HeaderMagic = "HdrS"u8.ToArray();
    private static readonly byte[] Marker = "Linux version "u8.ToArray();

    /// <summary>The release, or null when the image carries none.</summary>
    public static string? Read(string imagePath)
    {
        var head = new byte[ScanLength];
        int length;
        using (var file = File.OpenRead(imagePath))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var bytes = head.AsSpan(0, length);
        return FromSetupHeader(bytes) ?? FromMarker(bytes);
    }

    private static string? FromSetupHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < VersionPointerOffset + 2 || !bytes.Slice(HeaderMagicOffset, 4).SequenceEqual(HeaderMagic))
        {
            return null;
        }

        var offset = BinaryPrimitives.ReadUInt16LittleEndian(bytes[VersionPointerOffset..]) + VersionBase;
        return offset < bytes.Length ? FirstToken(bytes[offset..]) : null;
    }

    private static string? FromMarker(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOf(Marker);
        return at < 0 ? null : FirstToken(bytes[(at + Marker.Length)..]);
    }

    // The version string reads "6.1.0-28-amd64 (debian-kernel@lists.debian.org) #1 SMP ...": the release is its first word.
    private static string? FirstToken(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOfAny(" \0\n\r\t"u8);
        var token = end < 0 ? text : text[..end];
        return token.IsEmpty || token.Length > 256 ? null : Encoding.ASCII.GetString(token);
    }
}
