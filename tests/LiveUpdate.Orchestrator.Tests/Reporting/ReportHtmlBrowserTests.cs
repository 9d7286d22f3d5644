using System.Diagnostics;
using LiveUpdate.Orchestrator.Reporting;

namespace LiveUpdate.Orchestrator.Tests.Reporting;

/// <summary>The HTML report opened in a real headless Chromium (Debian's `chromium`, installed by `make test`).</summary>
public sealed class ReportHtmlBrowserTests : IDisposable
{
    private readonly TempDirectory _dir = new("report-html");

    public void Dispose() => _dir.Dispose();

    [Fact]
    [Trait("Category", "browser")]
    public async Task Render_OpenedInChromium_DrawsTimelineAndHistogram()
    {
        var page = _dir.WriteFile("report.html", ReportHtml.Render(ReportFixtures.ThreeHosts()));

        var dom = await RunChromiumAsync("--dump-dom", new Uri(page).AbsoluteUri);

        Assert.Contains("data-rendered=\"charts\"", dom, StringComparison.Ordinal);
        Assert.Equal(3, Count(dom, "class=\"host-bar\""));
        Assert.Equal(2, Count(dom, "class=\"blackout-bar\""));
        Assert.True(Count(dom, "class=\"histogram-bar\"") >= 2);
        Assert.Contains("save-vms: Read-only file system", dom, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "browser")]
    public async Task Render_Screenshot_IsAPicture()
    {
        var page = _dir.WriteFile("report.html", ReportHtml.Render(ReportFixtures.ThreeHosts()));
        var png = _dir.Combine("report.png");

        await RunChromiumAsync($"--screenshot={png}", "--window-size=1100,900", new Uri(page).AbsoluteUri);

        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 10_000, $"screenshot is only {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    private static int Count(string text, string needle) => (text.Length - text.Replace(needle, "", StringComparison.Ordinal).Length) / needle.Length;

    private async Task<string> RunChromiumAsync(params string[] args)
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={_dir.Combine("profile")}",
        }.Concat(args))
        {
            start.ArgumentList.Add(flag);
        }

        using var chromium = Process.Start(start)!;
        var stdout = chromium.StandardOutput.ReadToEndAsync();
        var stderr = chromium.StandardError.ReadToEndAsync();
        await chromium.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(chromium.ExitCode == 0, $"chromium exited {chromium.ExitCode}: {await stderr}");
        return await stdout;
    }
}
