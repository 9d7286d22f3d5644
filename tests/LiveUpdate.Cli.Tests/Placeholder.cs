namespace LiveUpdate.Cli.Tests;
