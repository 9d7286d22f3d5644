namespace LiveUpdate.Orchestrator.Store;

/// <summary>The store could not be reached or written (e.g. etcd down); nothing of the call was committed.</summary>
public sealed class StoreUnavailableException(string location, string detail, Exception? inner = null)
    : Exception($"store {location} is unavailable: {detail}", inner);
