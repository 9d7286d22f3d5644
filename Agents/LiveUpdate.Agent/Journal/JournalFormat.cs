using System.Globalization;
using System.IO.Hashing;
using System.Text.Json;

namespace LiveUpdate.Agent.Journal;

/// <summary>
/// The on-disk form of one record: a line "crc32hex json\n". A crash can tear only the last line;
/// a line whose checksum does not match, or that has no newline, is a torn write and is ignored.
/// </summary>
internal static class JournalFormat
{
    public static byte[] Encode(JournalRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, JournalJson.Default.JournalRecord);
        var line = new byte[9 + json.Length + 1];
        Crc32.HashToUInt32(json).TryFormat(line, out _, "x8", CultureInfo.InvariantCulture);
        line[8] = (byte)' ';
        json.CopyTo(line, 9);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>Decodes one complete line (without its newline); null when the line is torn or corrupt.</summary>
    public static JournalRecord? TryDecode(ReadOnlySpan<byte> line)
    {
        if (line.Length < 10 || line[8] != (byte)' ')
        {
            return null;
        }

        if (!uint.TryParse(line[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var expected))
        {
            return null;
        }

        var json = line[9..];
        if (Crc32.HashToUInt32(json) != expected)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, JournalJson.Default.JournalRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
