using System.Diagnostics.CodeAnalysis;

namespace LiveUpdate.Host.Roots;

/// <summary>
/// A value read from the host, or the reason it could not be read. A missing file is itself a fact the
/// planner needs (no <c>/proc/config.gz</c>, no lockdown LSM), so readers report it instead of throwing.
/// </summary>
public sealed class HostFact<T>
    where T : notnull
{
    private HostFact(T? value, string? missingReason)
    {
        Value = value;
        MissingReason = missingReason;
    }

    /// <summary>The value; for value types the default when <see cref="IsKnown"/> is false.</summary>
    public T? Value { get; }

    public string? MissingReason { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(MissingReason))]
    public bool IsKnown => MissingReason is null;

    public static HostFact<T> Known(T value) => new(value, null);

    public static HostFact<T> Missing(string reason) => new(default, reason);

    public HostFact<TOut> Map<TOut>(Func<T, TOut> map)
        where TOut : notnull =>
        IsKnown ? HostFact<TOut>.Known(map(Value)) : HostFact<TOut>.Missing(MissingReason);

    public override string ToString() => IsKnown ? $"{Value}" : $"(unknown: {MissingReason})";
}
