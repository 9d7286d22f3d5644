namespace LiveUpdate.Orchestrator;
