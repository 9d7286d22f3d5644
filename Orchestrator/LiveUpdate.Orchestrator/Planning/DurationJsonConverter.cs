using LiveUpdate.Playbooks;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveUpdate.Orchestrator.Specs;

namespace LiveUpdate.Orchestrator.Planning;

/// <summary>
/// Writes durations in plan JSON the way specs and playbooks write them (<c>9s400ms</c>, <c>2m</c>) rather than
/// <c>00:00:09.4000000</c>: easier to read, and a 100,000-host plan is markedly smaller and faster to hash.
/// A duration with sub-millisecond ticks falls back to the exact constant ("c") format so nothing is rounded.
/// </summary>
internal sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (PlaybookDuration.TryParse(text, out var value))
        {
            return value;
        }

        if (text is not null && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a duration");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        if (value.Ticks < 0 || value.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));
            return;
        }

        Span<char> buffer = stackalloc char[32];
        var length = 0;
        var total = value.Ticks / TimeSpan.TicksPerMillisecond;
        Append(buffer, ref length, total / 3_600_000, 'h', null);
        Append(buffer, ref length, total / 60_000 % 60, 'm', null);
        Append(buffer, ref length, total / 1000 % 60, 's', null);
        Append(buffer, ref length, total % 1000, 'm', 's');
        if (length == 0)
        {
            buffer[length++] = '0';
            buffer[length++] = 's';
        }

        writer.WriteStringValue(buffer[..length]);
    }

    private static void Append(Span<char> buffer, ref int length, long number, char unit, char? unit2)
    {
        if (number == 0)
        {
            return;
        }

        number.TryFormat(buffer[length..], out var written, default, CultureInfo.InvariantCulture);
        length += written;
        buffer[length++] = unit;
        if (unit2 is { } second)
        {
            buffer[length++] = second;
        }
    }
}
