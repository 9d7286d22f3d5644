namespace LiveUpdate.Host.Tests;
