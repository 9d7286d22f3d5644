using System.CommandLine;
using LiveUpdate.Kernel.Bundles;

namespace LiveUpdate.Cli.Commands;

/// <summary>`liveupdate bundle create|verify|keygen`: immutable, digest-named kernel bundles.</summary>
internal static class BundleCommand
{
    public static Command Create() => new("bundle", """
        Create, verify and sign kernel image bundles (kernel + initramfs + command-line template).

        Examples:
          liveupdate bundle keygen --private bundle-key.pem --public bundle-key.pub.pem
          liveupdate bundle create --kernel vmlinuz-6.1.0-50 --cmdline-template '${inherit}' --out bundles/6.1.0-50 --sign bundle-key.pem
          liveupdate bundle verify bundles/6.1.0-50 --trust bundle-key.pub.pem
        """)
    {
        CreateVerb(),
        VerifyVerb(),
        KeygenVerb(),
    };

    private static Command CreateVerb()
    {
        var kernel = new Option<FileInfo>("--kernel") { Required = true, Description = "The kernel image (bzImage)." };
        var initrd = new Option<FileInfo?>("--initrd") { Description = "The initramfs." };
        var template = new Option<string>("--cmdline-template") { Required = true, Description = "The next kernel's command line; ${inherit} keeps the running kernel's own parameters." };
        var outDir = new Option<DirectoryInfo>("--out") { Required = true, Description = "Directory to write the bundle into (must not exist or be empty)." };
        var sign = new Option<FileInfo?>("--sign") { Description = "ECDSA P-256 private key (PEM) to sign the bundle with." };
        var json = CommonOptions.Json();
        var command = new Command("create", """
            Write an immutable bundle: the files, a manifest with each file's SHA-256, and a digest over all of it.

            Example:
              liveupdate bundle create --kernel vmlinuz-6.1.0-50 --initrd initrd.img-6.1.0-50 \
                --cmdline-template 'console=ttyS0 ${inherit}' --out bundles/6.1.0-50 --sign bundle-key.pem
            """)
        {
            kernel, initrd, template, outDir, sign, json,
        };
        command.SetAction(parse =>
        {
            var output = new CommandOutput(parse);
            try
            {
                var manifest = BundleWriter.Create(new BundleCreateRequest(
                    parse.GetRequiredValue(kernel).FullName,
                    parse.GetValue(initrd)?.FullName,
                    parse.GetRequiredValue(template),
                    parse.GetRequiredValue(outDir).FullName,
                    parse.GetValue(sign)?.FullName));
                if (parse.GetValue(json))
                {
                    output.WriteJson(manifest);
                }
                else
                {
                    output.Out.WriteLine($"bundle {manifest.Digest} written to {parse.GetRequiredValue(outDir)}");
                }

                return ExitCodes.Ok;
            }
            catch (BundleWriteException e)
            {
                return output.Fail(e.Message);
            }
        });
        return command;
    }

    private static Command VerifyVerb()
    {
        var dir = new Argument<DirectoryInfo>("bundle") { Description = "The bundle directory." };
        var trust = new Option<FileInfo?>("--trust") { Description = "Public key (PEM) the bundle must be signed with." };
        var json = CommonOptions.Json();
        var command = new Command("verify", """
            Recompute every hash and the digest, and check the signature when --trust is given.
            A changed byte, a missing or extra file, or a wrong signature is refused with the reason.

            Example:
              liveupdate bundle verify bundles/6.1.0-50 --trust bundle-key.pub.pem
            """)
        {
            dir, trust, json,
        };
        command.SetAction(parse =>
        {
            var output = new CommandOutput(parse);
            try
            {
                var verified = BundleVerifier.Verify(parse.GetRequiredValue(dir).FullName, parse.GetValue(trust)?.FullName);
                if (parse.GetValue(json))
                {
                    output.WriteJson(new { ok = true, digest = verified.Digest, signed = verified.Signed, trusted = verified.Trusted });
                }
                else
                {
                    var signature = verified.Trusted ? "signature trusted" : verified.Signed ? "signed, no key given to check it" : "unsigned";
                    output.Out.WriteLine($"bundle {verified.Digest} ok ({signature})");
                }

                return ExitCodes.Ok;
            }
            catch (BundleVerificationException e)
            {
                if (parse.GetValue(json))
                {
                    output.WriteJson(new { ok = false, reason = e.Message });
                }

                return output.Fail($"bundle refused: {e.Message}");
            }
        });
        return command;
    }

    private static Command KeygenVerb()
    {
        var privateKey = new Option<FileInfo>("--private") { Required = true, Description = "Where to write the private key (PEM, mode 0600)." };
        var publicKey = new Option<FileInfo>("--public") { Required = true, Description = "Where to write the public key (PEM)." };
        var command = new Command("keygen", "Make an ECDSA P-256 key pair for signing bundles.\n\nExample:\n  liveupdate bundle keygen --private bundle-key.pem --public bundle-key.pub.pem")
        {
            privateKey, publicKey,
        };
        command.SetAction(parse =>
        {
            BundleKeys.Generate(parse.GetRequiredValue(privateKey).FullName, parse.GetRequiredValue(publicKey).FullName);
            new CommandOutput(parse).Out.WriteLine($"wrote {parse.GetRequiredValue(privateKey)} and {parse.GetRequiredValue(publicKey)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
