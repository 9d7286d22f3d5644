using System.Globalization;

namespace LiveUpdate.Playbooks;

/// <summary>
/// Typed reads of a step's parameters. The loader has already checked every value against the step-kind
/// catalogue and stored it in canonical form, so a failed read here means the caller asked for a
/// parameter the kind does not have.
/// </summary>
public static class StepParameterValues
{
    public static string GetString(IReadOnlyDictionary<string, string> parameters, string owner, string name) =>
        parameters.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException(
                $"{owner} has no parameter '{name}'; its parameters are: {Describe(parameters)}. " +
                "Check the name against the step-kind catalogue (StepKindCatalog).");

    public static int GetInt(IReadOnlyDictionary<string, string> parameters, string owner, string name) =>
        int.Parse(GetString(parameters, owner, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static bool GetBool(IReadOnlyDictionary<string, string> parameters, string owner, string name) =>
        bool.Parse(GetString(parameters, owner, name));

    public static TimeSpan GetDuration(IReadOnlyDictionary<string, string> parameters, string owner, string name) =>
        PlaybookDuration.Parse(GetString(parameters, owner, name));

    private static string Describe(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Count == 0 ? "(none)" : string.Join(", ", parameters.Keys.Order(StringComparer.Ordinal));
}
