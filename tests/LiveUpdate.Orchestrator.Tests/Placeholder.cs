namespace LiveUpdate.Orchestrator.Tests;
