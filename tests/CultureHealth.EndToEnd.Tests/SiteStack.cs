using CultureHealth.Testing;
using Microsoft.Playwright;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// The whole system as a patient meets it: every service (with the demo clinic's data), notifications
/// writing emails to <see cref="WholeStack.MailFolder"/>, the website and the gateway on real ports, and
/// one headless Debian Chromium (started once; each test opens its own context, see <see cref="Browse"/>).
/// </summary>
public sealed class SiteStack : WholeStack
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public SiteStack() : base(seedDemoData: true)
    {
        // Every browser test comes from 127.0.0.1; the limits have tests of their own.
        ServiceSettings["Content:CommentRateLimit"] = "1000";
        // Shop journeys leave unpaid orders behind (a declined card, checkout errors) from one address.
        ServiceSettings["Shop:MaxUnpaidOrdersPerClient"] = "1000";
        // A scheduled article goes live within seconds of its time (the back-office test waits for it).
        ServiceSettings["Content:ScheduledPublishInterval"] = "00:00:02";
        GatewaySettings["Gateway:RateLimits:comments"] = "1000";
        GatewaySettings["Gateway:RateLimits:public"] = "100000";
        GatewaySettings["Gateway:RateLimits:booking"] = "1000";
        GatewaySettings["Gateway:RateLimits:checkout"] = "1000";
        // Booking tests: every guest books from 127.0.0.1, and codes are asked for from it too.
        ServiceSettings["Booking:MaxPendingPerClientAddress"] = "1000";
        ServiceSettings["Patients:MaxRequestsPerClientAddress"] = "1000";
        // The booking horizon reaches past the next clock change, so the slot pages can be checked on both sides of it.
        ServiceSettings["Booking:HorizonDays"] = "400";
    }

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where every page visit saves its screenshot (printed by each test that takes one).</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("CULTUREHEALTH_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public override async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: run `apt-get install -y chromium` (./test installs it).");
        }
        Directory.CreateDirectory(ScreenshotFolder);
        // Playwright's driver and the browser start while the services migrate and seed.
        var browser = StartBrowserAsync();
        await base.InitializeAsync();
        await browser;
        using var client = GatewayClient();
        // The gateway finds the website through its active health check; wait until it routes there.
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), "the website answers through the gateway");
    }

    private async Task StartBrowserAsync()
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteStack>
{
    public const string Name = "site";
}
