namespace LiveUpdate.Agent.Runner;

/// <summary>
/// Thrown by a handover that ends this process on purpose (the lab's `sim` driver in tests). It must
/// pass through every boundary untouched: to the code above, the old kernel is simply gone.
/// </summary>
public sealed class ProcessEndingException(string message) : Exception(message);
