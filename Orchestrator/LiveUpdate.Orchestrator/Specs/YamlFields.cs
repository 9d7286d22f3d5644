using LiveUpdate.Playbooks;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LiveUpdate.Orchestrator.Specs;

/// <summary>
/// The fields of one YAML mapping with typed, located accessors. Unknown keys are reported up front, because a
/// misspelt optional key (<c>maxPerFailureDomian</c>) would otherwise silently fall back to its default.
/// </summary>
internal sealed class YamlFields
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly YamlMappingNode _mapping;
    private readonly DiagnosticBag _bag;
    private readonly string _what;

    public YamlFields(YamlMappingNode mapping, DiagnosticBag bag, string what, IReadOnlyCollection<string> allowed)
    {
        _mapping = mapping;
        _bag = bag;
        _what = what;
        foreach (var (key, value) in mapping.Children)
        {
            var name = YamlDocumentReader.ScalarText(key);
            if (name is null || !allowed.Contains(name))
            {
                bag.Error(key, $"unknown key '{name ?? "?"}' in {what} (expected one of: {string.Join(", ", allowed)})");
                continue;
            }

            _values[name] = value;
        }
    }

    public YamlNode? Node(string name) => _values.GetValueOrDefault(name);

    public string? String(string name, bool required)
    {
        var node = Node(name);
        if (node is null || YamlDocumentReader.IsNull(node))
        {
            if (required)
            {
                _bag.Error(node ?? _mapping, $"{_what} needs '{name}'");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            _bag.Error(node, $"'{name}' in {_what} must be a non-empty text value");
            return null;
        }

        return scalar.Value;
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var text = String(name, required: false);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            _bag.Error(Node(name)!, $"'{name}' must be a whole number from {min} to {max}, got '{text}'");
            return fallback;
        }

        return value;
    }

    public TimeSpan Duration(string name, TimeSpan fallback, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return fallback;
        }

        if (!PlaybookDuration.TryParse(text, out var value))
        {
            _bag.Error(Node(name)!, $"'{name}' is not a duration: '{text}' (use e.g. 500ms, 30s, 2m, 1h, 1m30s)");
            return fallback;
        }

        return value;
    }

    public Uri? Url(string name)
    {
        var text = String(name, required: true);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            _bag.Error(Node(name)!, $"'{name}' must be an absolute http(s) URL, got '{text}'");
            return null;
        }

        return url;
    }

    public YamlSequenceNode? Sequence(string name)
    {
        var node = Node(name);
        if (node is null || YamlDocumentReader.IsNull(node))
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            _bag.Error(node, $"'{name}' in {_what} must be a list");
            return null;
        }

        return sequence;
    }
}
