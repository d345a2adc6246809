using System.Net;
using System.Text.RegularExpressions;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.BackOffice.Tests;

/// <summary>Articles at the HTTP level: write, preview with the site's sanitiser, save, schedule, change the slug, publish.</summary>
public sealed partial class ArticleTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task An_editor_previews_without_saving_then_saves_schedules_renames_and_publishes_an_article_without_script()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        using (var blank = await browser.GetAsync("/admin/articles/edit"))
        {
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
            Assert.Contains("Amelia Hart", browser.LastPage, StringComparison.Ordinal);
        }
        var title = "Desk stretches " + Guid.NewGuid().ToString("N")[..8];
        var form = new Dictionary<string, string>
        {
            ["Title"] = title, ["AuthorId"] = BackOfficeStack.Amelia.ToString(), ["Tags"] = "Back Pain, desk work",
            ["Body"] = "## Every hour\n\nStand up and **stretch**. <script>alert('x')</script>",
        };

        using (var preview = await browser.PostFormAsync("/admin/articles/edit?handler=Preview", form))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Contains("<h2>Every hour</h2>", browser.LastPage, StringComparison.Ordinal);
            Assert.Contains("<strong>stretch</strong>", browser.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", browser.LastPage, StringComparison.Ordinal);
        }
        await using (var db = stack.Content!.OpenDb())
        {
            Assert.False(await db.Articles.AnyAsync(a => a.Title == title), "previewing saved the article");
        }

        using var saved = await browser.PostFormAsync("/admin/articles/edit?handler=Save", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        var id = Guid.Parse(EditAddress().Match(location).Groups[1].Value);
        Assert.EndsWith("?done=article-created", location, StringComparison.Ordinal);

        (await browser.GetAsync("/admin/articles?status=draft")).Dispose();
        Assert.Contains(title, browser.LastPage, StringComparison.Ordinal);
        Assert.DoesNotContain("There is a problem", browser.LastPage, StringComparison.Ordinal);

        // Schedule for 09:00 London the day after tomorrow.
        var day = ClinicTimeZone.Today(TimeProvider.System).PlusDays(2);
        (await browser.GetAsync($"/admin/articles/edit/{id}")).Dispose();
        using (var scheduled = await browser.PostFormAsync($"/admin/articles/edit/{id}?handler=Schedule",
            new Dictionary<string, string> { ["ScheduleDate"] = Wording.Iso(day), ["ScheduleTime"] = "09:00" }))
        {
            Assert.Equal($"/admin/articles/edit/{id}?done=article-scheduled", scheduled.Headers.Location?.OriginalString);
        }
        await using (var db = stack.Content!.OpenDb())
        {
            var row = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id);
            Assert.Equal("Scheduled", row.Status.ToString());
            Assert.Equal(ClinicTimeZone.ToDateTimeOffset(day + new LocalTime(9, 0)), row.PublishAt);
        }

        // A new slug: the old one is kept as a redirect.
        (await browser.GetAsync($"/admin/articles/edit/{id}")).Dispose();
        var oldSlug = StaffBrowser.InputValue(browser.LastPage, "Slug")!;
        var newSlug = "desk-stretches-" + Guid.NewGuid().ToString("N")[..6];
        using (var renamed = await browser.PostFormAsync($"/admin/articles/edit/{id}?handler=Save", new Dictionary<string, string>(form) { ["Slug"] = newSlug }))
        {
            Assert.Equal($"/admin/articles/edit/{id}?done=article-saved", renamed.Headers.Location?.OriginalString);
        }
        (await browser.GetAsync($"/admin/articles/edit/{id}")).Dispose();
        Assert.Contains($"old: {oldSlug}", browser.LastPage, StringComparison.Ordinal);
        Assert.Equal("desk-work", (await TagsAsync(id)).Last());

        (await browser.PostFormAsync($"/admin/articles/edit/{id}?handler=Publish", new Dictionary<string, string>())).Dispose();
        using var site = stack.Content!.CreateClient();
        using var published = await site.GetAsync($"/api/content/articles/{newSlug}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var audit = await stack.AuditAsync(email);
        Assert.Contains(audit, a => a.Action == $"POST /content/articles/{id}/publish" && a.Status == 200);
    }

    [Fact]
    public async Task A_refused_save_shows_contents_reason_next_to_the_field_and_keeps_what_was_typed()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync("/admin/articles/edit")).Dispose();
        using var refused = await browser.PostFormAsync("/admin/articles/edit?handler=Save", new Dictionary<string, string>
        {
            ["Title"] = "Tags test", ["AuthorId"] = BackOfficeStack.Amelia.ToString(), ["Body"] = "Kept text.",
            ["Tags"] = string.Join(',', Enumerable.Range(0, 11).Select(i => "tag" + i)),
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("At most 10 tags.", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("Kept text.", browser.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reception_is_not_shown_articles_and_typing_the_address_gets_the_403_page()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync("/admin/")).Dispose();
        Assert.DoesNotContain("href=\"/admin/articles\"", browser.LastPage, StringComparison.Ordinal);
        using var typed = await browser.GetAsync("/admin/articles/edit");
        Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
    }

    private async Task<List<string>> TagsAsync(Guid id)
    {
        await using var db = stack.Content!.OpenDb();
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id);
        return [.. article.Tags];
    }

    [GeneratedRegex("^/admin/articles/edit/([0-9a-f-]{36})")]
    private static partial Regex EditAddress();
}
