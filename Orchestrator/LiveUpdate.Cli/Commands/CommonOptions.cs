using System.CommandLine;

namespace LiveUpdate.Cli.Commands;

/// <summary>Options shared by several verbs, declared once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON instead of text." };
}
