using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveUpdate.Agent.Journal;

/// <summary>
/// The on-disk form of one record: a line "crc32hex json\n". A crash can tear only the last line;
/// a line whose checksum does not match, or that has no newline, is a torn write and is ignored.
/// </summary>
internal static class JournalFormat
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Encode(JournalRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, Options);
        var crc = Crc32.HashToUInt32(json);
        return Encoding.ASCII.GetBytes($"{crc:x8} ").Concat(json).Append((byte)'\n').ToArray();
    }

    /// <summary>Decodes one complete line (without its newline); null when the line is torn or corrupt.</summary>
    public static JournalRecord? TryDecode(ReadOnlySpan<byte> line)
    {
        if (line.Length < 10 || line[8] != (byte)' ')
        {
            return null;
        }

        if (!uint.TryParse(Encoding.ASCII.GetString(line[..8]), System.Globalization.NumberStyles.HexNumber, null, out var expected))
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
            return JsonSerializer.Deserialize<JournalRecord>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
