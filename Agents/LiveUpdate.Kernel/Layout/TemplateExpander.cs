using LiveUpdate.Kernel.CommandLine;

namespace LiveUpdate.Kernel.Layout;

/// <summary>Expands <c>${inherit}</c> and <c>${inherit:key1,key2}</c> in a bundle's command line template (see README.md).</summary>
internal static class TemplateExpander
{
    private const string Inherit = "${inherit}";
    private const string InheritSome = "${inherit:";

    /// <summary>The expanded parameters, or null after recording why the template is unusable.</summary>
    public static KernelCommandLine? Expand(string template, KernelCommandLine running, List<LayoutError> errors)
    {
        KernelCommandLine parsed;
        try
        {
            parsed = KernelCommandLine.Parse(template);
        }
        catch (KernelCommandLineException e)
        {
            errors.Add(new LayoutError(LayoutErrorCode.TemplateSyntax, $"command line template: {e.Message}",
                "close the quote in the bundle's cmdline.template and create a new bundle"));
            return null;
        }

        var output = new List<KernelParameter>();
        var inheritedAll = false;
        var failed = false;
        foreach (var parameter in parsed.Parameters)
        {
            if (parameter is { Key: Inherit, Value: null })
            {
                inheritedAll = true;
                output.AddRange(running.Parameters.Where(p => !ManagedParameters.IsManaged(p.Key)));
            }
            else if (TryInheritSome(parameter, running, output, errors) is { } handled)
            {
                failed |= !handled;
            }
            else if (ManagedParameters.IsManaged(parameter.Key))
            {
                failed = true;
                errors.Add(new LayoutError(LayoutErrorCode.TemplateSetsManaged,
                    $"the template sets '{parameter.Key}', which the planner manages",
                    $"remove '{parameter.Key}' from cmdline.template; memmap=, liveupdate.*, BOOT_IMAGE= and initrd= are written by the planner"));
            }
            else
            {
                output.Add(parameter);
            }
        }

        var init = parsed.InitArguments.Count > 0 || !inheritedAll ? parsed.InitArguments : running.InitArguments;
        return failed ? null : new KernelCommandLine(output, init);
    }

    // Null when the parameter is not a ${...} directive; otherwise whether it expanded cleanly.
    private static bool? TryInheritSome(KernelParameter parameter, KernelCommandLine running, List<KernelParameter> output, List<LayoutError> errors)
    {
        if (!parameter.Key.StartsWith("${", StringComparison.Ordinal))
        {
            return null;
        }

        if (parameter.Value is not null || !parameter.Key.StartsWith(InheritSome, StringComparison.Ordinal) || !parameter.Key.EndsWith('}'))
        {
            errors.Add(new LayoutError(LayoutErrorCode.TemplateSyntax,
                $"'{parameter.Key}{(parameter.Value is null ? "" : "=" + parameter.Value)}' is not a template directive",
                "use ${inherit} or ${inherit:key1,key2} (no spaces, no '=')"));
            return false;
        }

        var keys = parameter.Key[InheritSome.Length..^1].Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0)
        {
            errors.Add(new LayoutError(LayoutErrorCode.TemplateSyntax, $"'{parameter.Key}' names no parameter",
                "list the keys to inherit, e.g. ${inherit:root,console}, or use ${inherit} for all"));
            return false;
        }

        var managed = keys.Where(ManagedParameters.IsManaged).ToList();
        if (managed.Count > 0)
        {
            errors.Add(new LayoutError(LayoutErrorCode.TemplateSetsManaged,
                $"'{parameter.Key}' inherits {string.Join(", ", managed)}, which the planner manages",
                "remove them from the directive: memmap=, liveupdate.*, BOOT_IMAGE= and initrd= are written by the planner"));
            return false;
        }

        output.AddRange(running.Parameters.Where(p => keys.Contains(p.Key, StringComparer.Ordinal)));
        return true;
    }
}
