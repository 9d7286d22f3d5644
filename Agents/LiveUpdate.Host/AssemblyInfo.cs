namespace LiveUpdate.Host;
