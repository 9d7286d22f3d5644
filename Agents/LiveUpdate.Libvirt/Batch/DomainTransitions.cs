namespace LiveUpdate.Libvirt;

/// <summary>
/// The single-domain operations behind <see cref="DomainBatch"/>, each returning whether it changed anything.
/// Each re-reads the state when libvirt refuses, because another actor (an operator, libvirt's own
/// autostart) may have made the same change in between.
/// </summary>
internal static class DomainTransitions
{
    public static bool SuspendIfRunning(LibvirtConnection connection, string name)
    {
        using var domain = connection.LookupByName(name);
        if (domain.GetState().State == DomainState.Paused)
        {
            return false;
        }

        try
        {
            domain.Suspend();
            return true;
        }
        catch (LibvirtException) when (domain.GetState().State == DomainState.Paused)
        {
            return false;
        }
    }

    public static bool ResumeIfPaused(LibvirtConnection connection, string name)
    {
        using var domain = connection.LookupByName(name);
        if (IsRunning(domain.GetState().State))
        {
            return false;
        }

        try
        {
            domain.Resume();
            return true;
        }
        catch (LibvirtException) when (IsRunning(domain.GetState().State))
        {
            return false;
        }
    }

    public static bool Save(LibvirtConnection connection, DomainImage image, DomainSaveFlags flags)
    {
        using var domain = connection.LookupByName(image.Name);
        domain.Save(image.Path, image.Xml, flags);
        return true;
    }

    public static bool RestoreIfNotActive(LibvirtConnection connection, DomainImage image, DomainSaveFlags flags)
    {
        if (connection.TryLookupByName(image.Name, out var existing))
        {
            using (existing)
            {
                if (existing.IsActive)
                {
                    return false;
                }
            }
        }

        connection.RestoreDomain(image.Path, image.Xml, flags);
        return true;
    }

    private static bool IsRunning(DomainState state) => state is DomainState.Running or DomainState.Blocked;
}
