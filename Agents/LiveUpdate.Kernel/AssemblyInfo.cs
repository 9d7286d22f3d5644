namespace LiveUpdate.Kernel;
