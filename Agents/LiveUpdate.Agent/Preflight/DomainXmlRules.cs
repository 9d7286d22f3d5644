using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace LiveUpdate.Agent.Preflight;

/// <summary>What a domain's XML says about whether libvirt can save it.</summary>
internal static class DomainXmlRules
{
    /// <summary>
    /// The devices passed through from the host: every <c>&lt;hostdev&gt;</c>, and every
    /// <c>&lt;interface type='hostdev'&gt;</c> (an SR-IOV function). QEMU cannot migrate or save their state.
    /// </summary>
    public static IReadOnlyList<string> PassthroughDevices(string domainXml)
    {
        XElement? devices;
        try
        {
            devices = XDocument.Parse(domainXml).Root?.Element("devices");
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"libvirt returned a domain definition that is not XML: {ex.Message}", ex);
        }

        if (devices is null)
        {
            return [];
        }

        var hostdevs = devices.Elements("hostdev").Select(d => Describe((string?)d.Attribute("type") ?? "hostdev", d));
        var interfaces = devices.Elements("interface")
            .Where(i => (string?)i.Attribute("type") == "hostdev")
            .Select(i => Describe("interface", i));
        return [.. hostdevs, .. interfaces];
    }

    private static string Describe(string kind, XElement device)
    {
        XElement? address = device.Element("source")?.Element("address");
        if (address?.Attribute("bus") is null)
        {
            return address?.Attribute("uuid") is { } uuid ? $"{kind} {uuid.Value}" : kind;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{kind} {Hex(address, "domain", 4)}:{Hex(address, "bus", 2)}:{Hex(address, "slot", 2)}.{Hex(address, "function", 1)}");
    }

    private static string Hex(XElement address, string name, int width)
    {
        string text = (string?)address.Attribute(name) ?? "0";
        // libvirt reads these numbers in base 0: 0x-prefixed is hex, anything else decimal.
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return ulong.TryParse(hex ? text[2..] : text, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out ulong value)
            ? value.ToString("x" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : text;
    }
}
