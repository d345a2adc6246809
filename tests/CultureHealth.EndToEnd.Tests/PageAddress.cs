using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// Waits for the page to be at an address and loaded, without Playwright .NET's <c>WaitForURLAsync</c>: when the
/// address already matches, that checks the load state and only then subscribes to it, so a <c>load</c> event
/// delivered in between is lost and the wait times out on a page that has loaded (microsoft/playwright-dotnet#3364;
/// CI met it once in a sign-in). Here the browser itself is asked for the address (<c>Expect(page).ToHaveURLAsync</c>),
/// and the load state is asked for again until it answers, since a missed state is still recorded.
/// </summary>
public static class PageAddress
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private const float OneAsk = 1_000;

    /// <param name="glob">As Playwright's URL globs: <c>**</c> is anything, <c>*</c> anything but a slash, the rest literal.</param>
    public static Task WaitForAddressAsync(this IPage page, string glob) => page.WaitForAddressAsync(FromGlob(glob));

    public static async Task WaitForAddressAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = (float)Deadline.TotalMilliseconds });
        await page.LoadedAsync();
    }

    /// <summary>The page's <c>load</c> state, asked for until it answers or the deadline passes.</summary>
    public static async Task LoadedAsync(this IPage page)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = OneAsk });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // Not loaded yet, or its load event was missed (then the next ask finds it recorded).
            }
        }
    }

    public static Regex FromGlob(string glob) =>
        new("^" + string.Join(".*", glob.Split("**").Select(part => string.Join("[^/]*", part.Split('*').Select(Regex.Escape)))) + "$");
}
