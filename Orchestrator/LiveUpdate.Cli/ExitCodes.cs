namespace LiveUpdate.Cli;

/// <summary>The documented exit codes of every `liveupdate` verb.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done (or, for a check, everything checked was valid).</summary>
    public const int Ok = 0;

    /// <summary>The rollout failed, or the input was invalid; nothing was half-applied.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;
}
