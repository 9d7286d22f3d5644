namespace LiveUpdate.Kernel.CommandLine;

/// <summary>One kernel parameter: <c>key=value</c>, or a bare flag such as <c>quiet</c> (Value null).</summary>
public sealed record KernelParameter(string Key, string? Value);
