using System.CommandLine;
using LiveUpdate.Cli.Validation;

namespace LiveUpdate.Cli.Commands;

/// <summary>`liveupdate validate FILE...`: checks playbooks (and other inputs) and lists every error with its location.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "YAML files to check." };
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
        var json = CommonOptions.Json();
        var command = new Command("validate", """
            Check playbooks, rollout specs and inventories without touching any host.
            Every problem is listed as file:line:column: message; the exit code is 1 if any file has one.

            Examples:
              liveupdate validate Playbooks/shipped/pmem-kexec.yaml
              liveupdate validate my-playbook.yaml rollout.yaml --json
            """)
        {
            files,
            json,
        };

        command.SetAction(parse =>
        {
            var output = new CommandOutput(parse);
            var reports = parse.GetRequiredValue(files).Select(f => DocumentValidator.Validate(f.FullName, f.ToString())).ToList();
            if (parse.GetValue(json))
            {
                output.WriteJson(reports);
            }
            else
            {
                foreach (var report in reports)
                {
                    if (report.Errors.Count == 0)
                    {
                        output.Out.WriteLine($"{report.File}: ok ({report.Kind})");
                    }

                    foreach (var error in report.Errors)
                    {
                        output.Error.WriteLine(error);
                    }
                }
            }

            return reports.All(r => r.Errors.Count == 0) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
