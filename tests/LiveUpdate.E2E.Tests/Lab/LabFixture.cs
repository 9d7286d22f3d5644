namespace LiveUpdate.E2E.Tests.Lab;

/// <summary>Prepares the lab inputs once for every end-to-end test; the tests boot their own lab host.</summary>
public sealed class LabFixture : IAsyncLifetime
{
    private LabInputs? _inputs;

    public LabInputs Inputs => _inputs ?? throw new InvalidOperationException("the lab inputs are prepared in InitializeAsync");

    public async Task InitializeAsync() => _inputs = await LabInputs.PrepareAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>One QEMU lab at a time: the machine has two cores, and each lab host uses both.</summary>
[CollectionDefinition(Name)]
public sealed class LabCollection : ICollectionFixture<LabFixture>
{
    public const string Name = "qemu lab";
}
