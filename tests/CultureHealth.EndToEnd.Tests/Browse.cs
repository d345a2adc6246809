using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>The screen a test uses: a desktop window, or a phone (390×844, touch, as an iPhone 12–15).</summary>
public enum Screen { Desktop, Phone }

/// <summary>
/// One visitor: a fresh browser context (own cookies) on the site through the gateway. Every page it
/// checks must log no console error or uncaught exception, pass an axe scan with no serious or critical
/// violation (WCAG 2.2 AA rules), and is saved as a screenshot in <see cref="SiteStack.ScreenshotFolder"/>.
/// </summary>
public sealed class Browse : IAsyncDisposable
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private static readonly TimeSpan AxeDeadline = TimeSpan.FromSeconds(60);
    private readonly List<string> _errors = [];
    private readonly ITestOutputHelper? _output;

    private Browse(IBrowserContext context, IPage page, Screen screen, ITestOutputHelper? output)
    {
        Context = context;
        Page = page;
        Screen = screen;
        _output = output;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors) { _errors.Add($"console: {message.Text} ({message.Location})"); }
            }
        };
        page.PageError += (_, error) => { lock (_errors) { _errors.Add($"uncaught: {error}"); } };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public Screen Screen { get; }

    /// <param name="site">The stack, and its browser.</param>
    /// <param name="origin">Another gateway than the stack's (a second one, with a service made unreachable).</param>
    public static async Task<Browse> OpenAsync(SiteStack site, Screen screen = Screen.Desktop, ITestOutputHelper? output = null,
        bool javaScript = true, Uri? origin = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = (origin ?? site.PublicUrl).ToString().TrimEnd('/'),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            JavaScriptEnabled = javaScript,
        };
        if (screen == Screen.Phone)
        {
            options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
            options.DeviceScaleFactor = 3;
            options.IsMobile = true;
            options.HasTouch = true;
        }
        else
        {
            options.ViewportSize = new ViewportSize { Width = 1280, Height = 900 };
        }
        var context = await site.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return new Browse(context, await context.NewPageAsync(), screen, output);
    }

    /// <summary>Opens a page, expects <paramref name="status"/>, then <see cref="CheckAsync"/>s it.</summary>
    public async Task<IResponse> VisitAsync(string path, string screenshotName, int status = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Status == status, $"GET {path}: expected {status}, got {response.Status}");
        if (status >= 400)
        {
            // Chromium logs the document's own error status; that one is what this visit expects.
            lock (_errors)
            {
                _errors.RemoveAll(e => e.StartsWith($"console: Failed to load resource: the server responded with a status of {status}", StringComparison.Ordinal)
                    && e.EndsWith($"({response.Url}:0:0)", StringComparison.Ordinal));
            }
        }
        await CheckAsync(screenshotName);
        return response;
    }

    /// <summary>The page as it is now: no console errors so far, axe clean, screenshot saved.</summary>
    public async Task CheckAsync(string screenshotName)
    {
        var path = await ScreenshotAsync(screenshotName);
        lock (_errors)
        {
            Assert.True(_errors.Count == 0, $"{Page.Url} logged errors:\n" + string.Join('\n', _errors));
        }
        // Bounded: axe never answers on a page opened with script off, and a test should fail, not hang.
        var axe = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        }).WaitAsync(AxeDeadline);
        var blocking = axe.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{Page.Url}: axe found {blocking.Count} serious/critical violations (screenshot {path}):\n" +
            string.Join('\n', blocking.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var file = Path.Combine(SiteStack.ScreenshotFolder, $"{name}-{Screen.ToString().ToLowerInvariant()}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        if (Screen == Screen.Phone)
        {
            // What the phone shows before scrolling: a full phone page is too tall to look at.
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(file, null) + "-fold.png" });
        }
        _output?.WriteLine($"screenshot: {file}");
        return file;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
