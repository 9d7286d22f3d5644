using System.Diagnostics;

namespace LiveUpdate.Lab.Supervision;

/// <summary>Finds `liveupdate-agent`: LIVEUPDATE_AGENT, else next to the running executable (as `make publish` lays them out).</summary>
public static class AgentExecutable
{
    public const string Variable = "LIVEUPDATE_AGENT";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var explicitPath = Environment.GetEnvironmentVariable(Variable);
        var native = Path.Combine(AppContext.BaseDirectory, "liveupdate-agent");
        var managed = Path.Combine(AppContext.BaseDirectory, "liveupdate-agent.dll");
        ProcessStartInfo start;
        if (!string.IsNullOrEmpty(explicitPath))
        {
            start = explicitPath.EndsWith(".dll", StringComparison.Ordinal) ? Dotnet(explicitPath) : new ProcessStartInfo(explicitPath);
        }
        else if (File.Exists(native))
        {
            start = new ProcessStartInfo(native);
        }
        else if (File.Exists(managed))
        {
            start = Dotnet(managed);
        }
        else
        {
            throw new LabException($"liveupdate-agent not found next to {AppContext.BaseDirectory}", $"run `make publish`, or set {Variable} to the agent executable");
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.UseShellExecute = false;
        return start;
    }

    private static ProcessStartInfo Dotnet(string dll)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath?.EndsWith("dotnet", StringComparison.Ordinal) == true ? Environment.ProcessPath : "dotnet");
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        return start;
    }
}
