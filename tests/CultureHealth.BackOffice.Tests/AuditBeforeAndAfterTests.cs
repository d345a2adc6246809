using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CultureHealth.BackOffice.Tests;

/// <summary>
/// A change staff make to another service's data is audited with that data as the service showed it before and
/// after the change, next to what was sent; a refused change records the resource unchanged.
/// </summary>
public sealed class AuditBeforeAndAfterTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task Closing_an_articles_comments_is_audited_with_the_article_before_and_after_and_the_page_shows_both()
    {
        var (article, _) = await stack.PublishedArticleWithIdAsync();
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var editor = stack.Admin.CreateClient(await stack.StaffTokenAsync(email, password));

        using (var closed = await editor.PostAsJsonAsync($"/api/admin/content/articles/{article}/comments/close", new { }))
        {
            Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        }

        var entry = Assert.Single(await stack.AuditAsync(email), a => a.Action == $"POST /content/articles/{article}/comments/close");
        using var details = JsonDocument.Parse(entry.Details!);
        Assert.True(details.RootElement.GetProperty("before").GetProperty("commentsOpen").GetBoolean());
        Assert.False(details.RootElement.GetProperty("after").GetProperty("commentsOpen").GetBoolean());
        Assert.Equal(article, details.RootElement.GetProperty("after").GetProperty("id").GetGuid());

        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        using (var page = await browser.GetAsync($"/admin/audit?what={Uri.EscapeDataString($"POST /content/articles/{article}/comments/close")}"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        var html = WebUtility.HtmlDecode(browser.LastPage);
        Assert.Contains("Before and after", html, StringComparison.Ordinal);
        Assert.Contains("\"commentsOpen\": true", html, StringComparison.Ordinal);
        Assert.Contains("\"commentsOpen\": false", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_the_service_refuses_records_the_resource_unchanged_and_a_creation_records_what_was_sent()
    {
        var (article, _) = await stack.PublishedArticleWithIdAsync();
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var editor = stack.Admin.CreateClient(await stack.StaffTokenAsync(email, password));

        using (var refused = await editor.PutAsJsonAsync($"/api/admin/content/articles/{article}", new { title = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        var entry = Assert.Single(await stack.AuditAsync(email), a => a.Action == $"PUT /content/articles/{article}");
        using (var details = JsonDocument.Parse(entry.Details!))
        {
            Assert.Equal(400, entry.Status);
            Assert.Equal(details.RootElement.GetProperty("before").GetRawText(), details.RootElement.GetProperty("after").GetRawText());
            Assert.Equal("", details.RootElement.GetProperty("sent").GetProperty("title").GetString());
        }

        using (var created = await editor.PostAsJsonAsync("/api/admin/content/articles", new { title = "Audited draft", bodyMarkdown = "Text.", authorId = BackOfficeStack.Amelia }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var creation = Assert.Single(await stack.AuditAsync(email), a => a.Action == "POST /content/articles");
        using var sent = JsonDocument.Parse(creation.Details!);
        Assert.Equal("Audited draft", sent.RootElement.GetProperty("title").GetString());
        Assert.False(sent.RootElement.TryGetProperty("before", out _));
    }
}
