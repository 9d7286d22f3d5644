namespace LiveUpdate.Agent.Tests;
