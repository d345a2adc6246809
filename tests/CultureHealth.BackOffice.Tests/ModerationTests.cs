using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.BackOffice.Web;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Tests;

/// <summary>The moderation queue at the HTTP level: held comments with their reasons, one or many decided, through admin's audited path.</summary>
public sealed class ModerationTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task An_editor_sees_why_each_comment_was_held_approves_one_and_spams_two_at_once_without_script()
    {
        var slug = await stack.PublishedArticleAsync();
        var first = await CommentAsync(slug, "First Visitor", "Thank you, the stretches helped my back.");
        var links = await CommentAsync(slug, "Link Poster", "See http://a.example http://b.example http://c.example");
        var third = await CommentAsync(slug, "Third Visitor", "Cheap pills here");

        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        using (var queue = await browser.GetAsync("/admin/moderation"))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        }
        var html = WebUtility.HtmlDecode(browser.LastPage);
        Assert.DoesNotContain("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("First Visitor", html, StringComparison.Ordinal);
        Assert.Contains("first-time commenter", html, StringComparison.Ordinal);
        Assert.Contains("contains 3 links (more than 2)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/moderation?queue=spam\"", browser.LastPage, StringComparison.Ordinal);

        // One comment: its own button.
        using var approved = await browser.PostFormAsync("/admin/moderation?queue=pending",
            new Dictionary<string, string> { ["decision"] = $"approved:{first}" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("/admin/moderation?queue=pending&done=comments-approved", approved.Headers.Location?.OriginalString);
        (await browser.GetAsync(approved.Headers.Location!.OriginalString)).Dispose();
        Assert.Contains(Notices.Text("comments-approved")!, WebUtility.HtmlDecode(browser.LastPage), StringComparison.Ordinal);
        Assert.DoesNotContain(first.ToString(), browser.LastPage, StringComparison.Ordinal);

        // Many: tick two, one button.
        using var spammed = await browser.PostFormAsync("/admin/moderation?queue=pending",
            [new("ids", links.ToString()), new("ids", third.ToString()), new("status", "spam")]);
        Assert.Equal(HttpStatusCode.Redirect, spammed.StatusCode);

        await using var db = stack.Content!.OpenDb();
        var statuses = await db.Comments.AsNoTracking().Where(c => c.Id == first || c.Id == links || c.Id == third)
            .ToDictionaryAsync(c => c.Id, c => c.Status.ToString());
        Assert.Equal("Approved", statuses[first]);
        Assert.Equal("Spam", statuses[links]);
        Assert.Equal("Spam", statuses[third]);
        Assert.Equal(email, await db.Comments.AsNoTracking().Where(c => c.Id == first).Select(c => c.ModeratedBy).SingleAsync());

        var audit = await stack.AuditAsync(email);
        Assert.Equal(2, audit.Count(a => a.Action == "POST /content/comments/moderate" && a.Status == 200));
    }

    [Fact]
    public async Task An_editor_replies_as_the_clinic_from_the_approved_list_and_the_reply_is_on_the_site_under_the_comment()
    {
        var slug = await stack.PublishedArticleAsync();
        var comment = await CommentAsync(slug, "Asking Reader", "Should the stretch hurt?");
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync("/admin/moderation")).Dispose();
        Assert.DoesNotContain($"/admin/moderation/reply/{comment}", browser.LastPage, StringComparison.Ordinal);
        (await browser.PostFormAsync("/admin/moderation?queue=pending", new Dictionary<string, string> { ["decision"] = $"approved:{comment}" })).Dispose();

        (await browser.GetAsync("/admin/moderation?queue=approved")).Dispose();
        Assert.Contains($"href=\"/admin/moderation/reply/{comment}\"", browser.LastPage, StringComparison.Ordinal);
        (await browser.GetAsync($"/admin/moderation/reply/{comment}")).Dispose();
        Assert.Contains("Should the stretch hurt?", browser.LastPage, StringComparison.Ordinal);
        using (var empty = await browser.PostFormAsync($"/admin/moderation/reply/{comment}", new Dictionary<string, string> { ["Body"] = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Write the reply.", browser.LastPage, StringComparison.Ordinal);
        }
        using var replied = await browser.PostFormAsync($"/admin/moderation/reply/{comment}",
            new Dictionary<string, string> { ["Body"] = "A gentle pull, never sharp pain. <script>alert(1)</script>" });
        Assert.Equal("/admin/moderation?queue=approved&done=reply-published", replied.Headers.Location?.OriginalString);

        using var content = stack.Content!.CreateClient();
        var thread = await content.GetFromJsonAsync<JsonElement>($"/api/content/articles/{slug}/comments");
        var parent = thread.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == comment);
        var reply = Assert.Single(parent.GetProperty("replies").EnumerateArray());
        Assert.Equal("Cultural Health Club", reply.GetProperty("authorName").GetString());
        Assert.Contains("&lt;script&gt;", reply.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);

        var audit = await stack.AuditAsync(email);
        Assert.Contains(audit, a => a.Action == $"POST /content/comments/{comment}/reply" && a.Status == 201);
    }

    [Fact]
    public async Task Nothing_ticked_is_refused_with_what_to_do_and_changes_nothing()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync("/admin/moderation")).Dispose();
        using var refused = await browser.PostFormAsync("/admin/moderation?queue=pending", new Dictionary<string, string> { ["status"] = "trash" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Tick at least one comment first.", browser.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reception_is_not_shown_moderation_and_typing_its_address_or_posting_to_it_gets_the_403_page()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync("/admin/")).Dispose();
        Assert.DoesNotContain("href=\"/admin/moderation\"", browser.LastPage, StringComparison.Ordinal);

        using var typed = await browser.GetAsync("/admin/moderation");
        Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
        using var posted = await browser.PostFormAsync("/admin/moderation", new Dictionary<string, string> { ["status"] = "approved", ["ids"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);

        // Behind the page, admin and content refuse reception's own token too.
        using var admin = stack.Admin.CreateClient(await stack.StaffTokenAsync(email, password));
        using var direct = await admin.GetAsync("/api/admin/content/comments");
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
    }

    private async Task<Guid> CommentAsync(string slug, string name, string body)
    {
        using var content = stack.Content!.CreateClient();
        using var sent = await content.PostAsJsonAsync($"/api/content/articles/{slug}/comments", new
        {
            authorName = name, authorEmail = $"{Guid.NewGuid():N}@example.com", body,
        });
        Assert.True(sent.StatusCode == HttpStatusCode.Accepted, await sent.Content.ReadAsStringAsync());
        return (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
