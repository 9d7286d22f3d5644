using System.Runtime.Versioning;

// The bundle tests check Unix file modes; the agent runs on Linux hosts only.
[assembly: SupportedOSPlatform("linux")]
