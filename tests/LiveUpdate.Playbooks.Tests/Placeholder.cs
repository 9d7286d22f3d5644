namespace LiveUpdate.Playbooks.Tests;
