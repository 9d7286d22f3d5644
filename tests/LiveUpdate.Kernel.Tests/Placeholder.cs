namespace LiveUpdate.Kernel.Tests;
