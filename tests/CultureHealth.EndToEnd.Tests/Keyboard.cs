using Microsoft.Playwright;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// A visitor who uses only the keyboard: moves with Tab, types, presses keys. Every element it stops on must
/// show where the focus is (a visible outline), as WCAG 2.4.7 asks.
/// </summary>
public sealed class Keyboard(IPage page)
{
    private const int MaxTabs = 80;

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails if it never gets it.</summary>
    public async Task TabToAsync(ILocator target)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                var outline = await target.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle");
                Assert.True(outline != "none", $"{target} has the focus but shows no outline");
                return;
            }
        }
        throw new InvalidOperationException($"{MaxTabs} presses of Tab never reached {target} on {page.Url}");
    }

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);

    /// <summary>Selects what the focused field holds and types over it.</summary>
    public async Task ReplaceAsync(string text)
    {
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
    }
}
