namespace LiveUpdate.Kernel.Layout;

/// <summary>One reason the layout cannot be planned, and what the operator should do about it.</summary>
public sealed record LayoutError(LayoutErrorCode Code, string Message, string Fix)
{
    public override string ToString() => $"{Code}: {Message} Fix: {Fix}";
}
