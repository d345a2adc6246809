using System.Text.Json;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// The article page as the clinic's old site had it, and the comment journey: post, wait for moderation,
/// approval by staff, published under the article; a reply that emails the first commenter.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ArticleTests(SiteStack site, ITestOutputHelper output)
{
    private const string SeedArticle = "/articles/how-running-injuries-can-trigger-lower-back-pain";

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task The_seed_article_shows_author_date_reading_time_body_tags_comments_related_and_booking(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await browse.VisitAsync(SeedArticle, "article");
        var page = browse.Page;

        Assert.Equal("How Running Injuries Can Trigger Lower Back Pain | Cultural Health Club", await page.TitleAsync());
        Assert.Equal("How Running Injuries Can Trigger Lower Back Pain", await page.Locator("h1").InnerTextAsync());
        var meta = await page.Locator(".article-meta").InnerTextAsync();
        Assert.Contains("Amelia Hart", meta);
        Assert.Matches(@"\d+ min read", meta);
        Assert.Matches(@"\d{1,2} \w+ \d{4}", meta);
        Assert.Contains("Common culprits", await page.Locator(".prose h2").AllInnerTextsAsync());
        Assert.Contains("runners and desk workers", await page.Locator(".author-box").InnerTextAsync());
        Assert.Equal(["Running", "Back pain"], await page.Locator(".article-tags a").AllInnerTextsAsync());
        // The seed's two approved comments, threaded under a heading that counts them.
        Assert.Matches(@"^\d+ Comments$", await page.Locator("#comments-title").InnerTextAsync());
        Assert.Contains("Hannah K.", await page.Locator(".comment-list").InnerTextAsync());
        Assert.True(await page.Locator(".related a").CountAsync() >= 1);
        Assert.Equal("/book?appointmentType=initial-assessment", await page.Locator(".book-box a").GetAttributeAsync("href"));
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Post A Comment" }).IsVisibleAsync());

        // Search engines: canonical URL on the public origin, OpenGraph, Article and BreadcrumbList JSON-LD.
        Assert.Equal(site.PublicUrl.ToString().TrimEnd('/') + SeedArticle, await page.Locator("link[rel=canonical]").GetAttributeAsync("href"));
        Assert.Equal("article", await page.Locator("meta[property='og:type']").GetAttributeAsync("content"));
        var types = new List<string>();
        foreach (var json in await page.Locator("script[type='application/ld+json']").AllTextContentsAsync())
        {
            types.Add(JsonDocument.Parse(json).RootElement.GetProperty("@type").GetString()!);
        }
        Assert.Contains("Article", types);
        Assert.Contains("BreadcrumbList", types);
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_comment_waits_for_moderation_and_appears_under_the_article_once_approved(Screen screen)
    {
        var name = "Reader " + Guid.NewGuid().ToString("N")[..6];
        var text = $"Shorter strides helped me too ({name}).";
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await browse.VisitAsync(SeedArticle, "article");
        var page = browse.Page;

        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync(text);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"{Guid.NewGuid():N}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();

        var status = page.Locator("#comment-status");
        await Assertions.Expect(status).ToContainTextAsync("awaiting moderation");
        await browse.CheckAsync("article-comment-awaiting-moderation");
        Assert.DoesNotContain(text, await page.Locator(".comment-list").InnerTextAsync());

        await Moderation.ApproveAsync(site, name);
        // The website keeps comment threads a few seconds (Storefront:CommentCacheDuration); poll, as a reader would reload.
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(SeedArticle);
            return (await page.Locator(".comment-list").InnerTextAsync()).Contains(text, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(60), "the approved comment under the article");
        await browse.CheckAsync("article-comment-published");
    }

    [Fact]
    public async Task A_reply_to_a_commenter_who_asked_for_replies_emails_them()
    {
        var first = "Asker " + Guid.NewGuid().ToString("N")[..6];
        var firstEmail = $"asker.{Guid.NewGuid():N}@example.com";
        var replier = "Physio " + Guid.NewGuid().ToString("N")[..6];
        const string article = "/articles/desk-posture-what-actually-matters";
        await using var browse = await Browse.OpenAsync(site, output: output);
        var page = browse.Page;

        await page.GotoAsync(article);
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("How often should I stand up?");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(first);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(firstEmail);
        await page.GetByLabel("Email me when someone replies to my comment").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comment-status")).ToContainTextAsync("awaiting moderation");

        // Double opt-in: replies are emailed only to an address its owner confirmed from the emailed link.
        var confirmation = await Moderation.EmailToAsync(site, firstEmail, TimeSpan.FromSeconds(60), m => m.Subject == "Please confirm your email address");
        var confirmLink = Booking.BookingMail.LinkTo(confirmation, "/comments/confirm-email");
        var confirmPage = await browse.VisitAsync(confirmLink, "comment-confirm-email");
        Assert.Equal("no-referrer", await confirmPage.HeaderValueAsync("referrer-policy"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email address" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you: your email address is confirmed");
        await browse.CheckAsync("comment-email-confirmed");
        await Eventually.TrueAsync(async () =>
        {
            await using var db = site.Notifications.OpenDb();
            return await db.ConfirmedCommenters.AnyAsync(c => c.Email == firstEmail.ToLowerInvariant());
        }, TimeSpan.FromSeconds(60), "notifications knows the commenter confirmed their address");

        await Moderation.ApproveAsync(site, first);

        var reply = page.GetByRole(AriaRole.Link, new() { Name = $"Reply to {first}" });
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(article);
            return await reply.CountAsync() == 1;
        }, TimeSpan.FromSeconds(60), "the first comment published with a Reply link");
        await reply.ClickAsync();
        await Assertions.Expect(page.Locator("#post-comment")).ToContainTextAsync($"Replying to {first}");
        await browse.CheckAsync("article-reply");
        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("Every 30 minutes is a good start.");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(replier);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"physio.{Guid.NewGuid():N}@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comment-status")).ToContainTextAsync("awaiting moderation");
        await Moderation.ApproveAsync(site, replier);

        var email = await Moderation.EmailToAsync(site, firstEmail, TimeSpan.FromSeconds(60), m => m.Subject != "Please confirm your email address");
        var body = email.TextBody ?? email.HtmlBody ?? "";
        Assert.Contains(replier, body);
        Assert.Contains("desk-posture-what-actually-matters", body);
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(article);
            return await page.Locator($"ol[aria-label='Replies to {first}'] .comment", new() { HasText = replier }).CountAsync() == 1;
        }, TimeSpan.FromSeconds(60), "the reply threaded under the first comment");
    }

    [Fact]
    public async Task Field_errors_from_the_api_show_next_to_their_fields_and_keep_what_was_typed()
    {
        await using var browse = await Browse.OpenAsync(site, output: output);
        await browse.VisitAsync(SeedArticle, "article");
        var page = browse.Page;

        await page.GetByLabel("Comment", new() { Exact = true }).FillAsync("A comment with no name and a broken email.");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("not-an-email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();

        await Assertions.Expect(page.Locator("#comment-status")).ToContainTextAsync("correct the highlighted fields");
        Assert.Equal("true", await page.GetByLabel("Name", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        Assert.Equal("true", await page.GetByLabel("Email", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#comment-name-error").InnerTextAsync()));
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#comment-email-error").InnerTextAsync()));
        Assert.Null(await page.GetByLabel("Comment", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        Assert.Equal("A comment with no name and a broken email.", await page.GetByLabel("Comment", new() { Exact = true }).InputValueAsync());
        await browse.CheckAsync("article-comment-errors");
    }

    [Fact]
    public async Task A_comment_can_be_posted_with_the_keyboard_alone()
    {
        var name = "Keys " + Guid.NewGuid().ToString("N")[..6];
        await using var browse = await Browse.OpenAsync(site, output: output);
        await browse.VisitAsync(SeedArticle, "article");
        var page = browse.Page;

        // Tab from the top of the page to the comment box, as a keyboard user would.
        await TabToAsync(page, "comment-comment", maxTabs: 150);
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("comment-name", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("comment-email", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync($"{Guid.NewGuid():N}@example.com");
        await page.Keyboard.PressAsync("Tab");
        // The honeypot is skipped: next is the reply-email box.
        Assert.Equal("comment-notify", await FocusedIdAsync(page));
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#comment-status")).ToContainTextAsync("awaiting moderation");
    }

    private static async Task TabToAsync(IPage page, string id, int maxTabs)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedIdAsync(page) == id)
            {
                return;
            }
        }
        Assert.Fail($"#{id} not reached with {maxTabs} presses of Tab");
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
