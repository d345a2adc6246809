using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Content.Application;
using CultureHealth.Content.Domain;
using CultureHealth.Contracts;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Tests.Api;

public sealed class CommentTests(ContentServiceFixture host) : IClassFixture<ContentServiceFixture>
{
    private readonly HttpClient _public = host.Service.CreateClient();
    private readonly HttpClient _editor = host.Service.Editor();

    private async Task<StaffArticleDto> ArticleAsync() => await _editor.PublishAsync(ContentApi.Article(ContentApi.Unique("Comments ")));

    private static object Comment(string email, string body = "Really helpful, thank you.", Guid? parentId = null, string? website = null, string name = "Sam") =>
        new { authorName = name, authorEmail = email, body, parentId, website };

    private static string Email() => ContentApi.Unique("reader") + "@example.com";

    private async Task ApproveAsync(Guid commentId)
    {
        using var response = await _editor.PostAsJsonAsync($"/manage/content/comments/{commentId}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task First_timer_waits_then_an_approved_and_confirmed_email_is_trusted()
    {
        var article = await ArticleAsync();
        var email = Email();
        var first = await _public.CommentAcceptedAsync(article.Slug, Comment(email));
        Assert.Equal("pending", first.Status);
        Assert.Equal(0, (await _public.GetFromJsonAsync<CommentThreadDto>($"/api/content/articles/{article.Slug}/comments"))!.Count);

        await ApproveAsync(first.Id);
        await host.Service.ConfirmCommenterAsync(_public, email);
        var second = await _public.CommentAcceptedAsync(article.Slug, Comment(email.ToUpperInvariant(), "Another thought."));
        Assert.Equal("approved", second.Status);

        var thread = await _public.GetFromJsonAsync<CommentThreadDto>($"/api/content/articles/{article.Slug}/comments");
        Assert.Equal(2, thread!.Count);

        // Staff see what happened, through events.
        Assert.Single(await host.Service.OutboxAsync<CommentSubmitted>(first.Id));
        Assert.Single(await host.Service.OutboxAsync<CommentModerated>(first.Id));
    }

    [Fact]
    public async Task Asking_to_hear_about_replies_travels_with_the_submitted_event()
    {
        var article = await ArticleAsync();
        var asked = await _public.CommentAcceptedAsync(article.Slug,
            new { authorName = "Sam", authorEmail = Email(), body = "Tell me when someone answers.", notifyOnReply = true });
        var silent = await _public.CommentAcceptedAsync(article.Slug, Comment(Email()));

        static bool Notify(CultureHealth.Messaging.Outbox.OutboxMessage row) =>
            JsonSerializer.Deserialize<CommentSubmitted>(row.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.NotifyOnReply;
        Assert.True(Notify(Assert.Single(await host.Service.OutboxAsync<CommentSubmitted>(asked.Id))));
        Assert.False(Notify(Assert.Single(await host.Service.OutboxAsync<CommentSubmitted>(silent.Id))));
    }

    [Fact]
    public async Task Links_or_blocked_words_hold_even_a_trusted_email()
    {
        var article = await ArticleAsync();
        var email = Email();
        await ApproveAsync((await _public.CommentAcceptedAsync(article.Slug, Comment(email))).Id);
        await host.Service.ConfirmCommenterAsync(_public, email);

        var links = await _public.CommentAcceptedAsync(article.Slug, Comment(email, "See https://a.example http://b.example www.c.example"));
        Assert.Equal("pending", links.Status);
        var blocked = await _public.CommentAcceptedAsync(article.Slug, Comment(email, "Best CASINO in town"));
        Assert.Equal("pending", blocked.Status);
    }

    [Fact]
    public async Task Honeypot_is_accepted_quietly_and_stored_as_spam()
    {
        var article = await ArticleAsync();
        var accepted = await _public.CommentAcceptedAsync(article.Slug, Comment(Email(), website: "https://bot.example"));
        Assert.Equal("pending", accepted.Status);

        await using var db = host.Service.OpenDb();
        Assert.Equal(CommentStatus.Spam, (await db.Comments.SingleAsync(c => c.Id == accepted.Id)).Status);
        Assert.Empty(await host.Service.OutboxAsync<CommentSubmitted>(accepted.Id));
    }

    [Fact]
    public async Task Duplicate_comment_is_refused()
    {
        var article = await ArticleAsync();
        var email = Email();
        await _public.CommentAcceptedAsync(article.Slug, Comment(email, "Same words"));
        using var again = await _public.CommentAsync(article.Slug, Comment(email, "  same   WORDS "));
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Replies_thread_to_the_depth_limit()
    {
        var article = await ArticleAsync();
        Guid? parent = null;
        var ids = new List<Guid>();
        for (var depth = 1; depth <= 3; depth++)
        {
            var accepted = await _public.CommentAcceptedAsync(article.Slug, Comment(Email(), $"Level {depth}", parent));
            await ApproveAsync(accepted.Id);
            ids.Add(accepted.Id);
            parent = accepted.Id;
        }
        using var tooDeep = await _public.CommentAsync(article.Slug, Comment(Email(), "Level 4", parent));
        (await tooDeep.ProblemAsync(HttpStatusCode.BadRequest)).AssertNamesField("parentId");

        using var unknownParent = await _public.CommentAsync(article.Slug, Comment(Email(), "Orphan", Guid.NewGuid()));
        (await unknownParent.ProblemAsync(HttpStatusCode.BadRequest)).AssertNamesField("parentId");

        var thread = await _public.GetFromJsonAsync<CommentThreadDto>($"/api/content/articles/{article.Slug}/comments");
        var top = Assert.Single(thread!.Comments);
        Assert.Equal(ids[0], top.Id);
        Assert.Equal(ids[1], Assert.Single(top.Replies).Id);
        Assert.Equal(ids[2], Assert.Single(top.Replies[0].Replies).Id);
    }

    [Fact]
    public async Task Closed_article_refuses_comments_until_reopened()
    {
        var article = await ArticleAsync();
        await _editor.ActAsync(article.Id, "comments/close");
        using var refused = await _public.CommentAsync(article.Slug, Comment(Email()));
        await refused.ProblemAsync(HttpStatusCode.Conflict);

        await _editor.ActAsync(article.Id, "comments/open");
        await _public.CommentAcceptedAsync(article.Slug, Comment(Email()));
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Attack_strings_in_comments_are_escaped_and_emails_never_shown(string attack)
    {
        var article = await ArticleAsync();
        var email = Email();
        var accepted = await _public.CommentAcceptedAsync(article.Slug, Comment(email, attack));
        await ApproveAsync(accepted.Id);

        using var response = await _public.GetAsync($"/api/content/articles/{article.Slug}/comments");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(email, raw, StringComparison.OrdinalIgnoreCase);
        var thread = JsonSerializer.Deserialize<CommentThreadDto>(raw, JsonSerializerOptions.Web)!;
        var comment = Assert.Single(thread.Comments);
        HtmlAssert.Inert(comment.BodyHtml);
        Assert.DoesNotContain('<', comment.BodyHtml.Replace("<br>", "", StringComparison.Ordinal));
    }

    public static TheoryData<string> Attacks => HtmlAssert.AttackStrings;

    [Fact]
    public async Task Bad_comment_is_a_problem_naming_the_fields()
    {
        var article = await ArticleAsync();
        using var response = await _public.CommentAsync(article.Slug, new { authorName = "", authorEmail = "not-an-email", body = new string('x', 6000) });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.AssertNamesField("authorName");
        problem.AssertNamesField("authorEmail");
        problem.AssertNamesField("body");

        using var wrongType = await _public.CommentAsync(article.Slug, new { authorName = "A", authorEmail = "a@example.com", body = "x", parentId = "not-a-guid" });
        await wrongType.ProblemAsync(HttpStatusCode.BadRequest);

        using var unknownArticle = await _public.CommentAsync("no-such-article", Comment(Email()));
        Assert.Equal(HttpStatusCode.NotFound, unknownArticle.StatusCode);
    }

    [Fact]
    public async Task Moderation_queue_shows_emails_and_bulk_actions_raise_events()
    {
        var article = await ArticleAsync();
        var email = Email();
        var a = await _public.CommentAcceptedAsync(article.Slug, Comment(email, "One"));
        var b = await _public.CommentAcceptedAsync(article.Slug, Comment(Email(), "Two"));

        var queue = await _editor.GetFromJsonAsync<PageDto<ModerationCommentDto>>($"/manage/content/comments?articleId={article.Id}");
        Assert.Equal(2, queue!.TotalCount);
        Assert.Contains(queue.Items, c => c.AuthorEmail == email && c.ModerationReason == "first-time commenter");

        var missing = Guid.NewGuid();
        using var bulk = await _editor.PostAsJsonAsync("/manage/content/comments/moderate", new { ids = new[] { a.Id, b.Id, missing }, status = "spam" });
        var result = await bulk.Content.ReadFromJsonAsync<ModerationResultDto>();
        Assert.Equal(2, result!.Changed);
        Assert.Equal([missing], result.NotFound);
        Assert.Single(await host.Service.OutboxAsync<CommentModerated>(a.Id));
        Assert.Single(await host.Service.OutboxAsync<CommentModerated>(b.Id));

        var spam = await _editor.GetFromJsonAsync<PageDto<ModerationCommentDto>>($"/manage/content/comments?status=spam&articleId={article.Id}");
        Assert.Equal(2, spam!.TotalCount);

        using var badBulk = await _editor.PostAsJsonAsync("/manage/content/comments/moderate", new { ids = Array.Empty<Guid>(), status = "gone" });
        var problem = await badBulk.ProblemAsync(HttpStatusCode.BadRequest);
        problem.AssertNamesField("ids");
        problem.AssertNamesField("status");
    }

    [Fact]
    public async Task An_editor_replies_as_the_clinic_and_the_reply_is_on_the_site_at_once_announced_as_an_approval()
    {
        var article = await ArticleAsync();
        var asked = await _public.CommentAcceptedAsync(article.Slug,
            new { authorName = "Sam", authorEmail = Email(), body = "Should this hurt?", notifyOnReply = true });

        // Not on the site yet: the clinic cannot answer it.
        using (var early = await _editor.PostAsJsonAsync($"/manage/content/comments/{asked.Id}/reply", new { body = "No." }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }
        await ApproveAsync(asked.Id);
        using (var empty = await _editor.PostAsJsonAsync($"/manage/content/comments/{asked.Id}/reply", new { body = " " }))
        {
            (await empty.ProblemAsync(HttpStatusCode.BadRequest)).AssertNamesField("body");
        }
        using var replied = await _editor.PostAsJsonAsync($"/manage/content/comments/{asked.Id}/reply", new { body = "Mild <b>ache</b> is normal; sharp pain is not." });
        Assert.Equal(HttpStatusCode.Created, replied.StatusCode);
        var reply = (await replied.Content.ReadFromJsonAsync<ModerationCommentDto>())!;
        Assert.Equal(("approved", asked.Id, "Cultural Health Club"), (reply.Status, reply.ParentId, reply.AuthorName));
        Assert.Equal(reply.Id, (await _editor.GetFromJsonAsync<ModerationCommentDto>($"/manage/content/comments/{reply.Id}"))!.Id);

        var thread = (await _public.GetFromJsonAsync<CommentThreadDto>($"/api/content/articles/{article.Slug}/comments"))!;
        var question = Assert.Single(thread.Comments, c => c.Id == asked.Id);
        var shown = Assert.Single(question.Replies);
        Assert.Equal("Cultural Health Club", shown.AuthorName);
        Assert.True(shown.ByClinic, "the clinic's reply is marked as the clinic's");
        Assert.False(question.ByClinic, "a visitor's comment is not");
        Assert.Contains("&lt;b&gt;ache&lt;/b&gt;", shown.BodyHtml, StringComparison.Ordinal);

        var approval = Assert.Single(await host.Service.OutboxAsync<CommentModerated>(reply.Id));
        var moderated = JsonSerializer.Deserialize<CommentModerated>(approval.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(("approved", asked.Id), (moderated.Status, moderated.ParentId));
        Assert.Single(await host.Service.OutboxAsync<CommentSubmitted>(reply.Id));

        using var reader = host.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        using var refused = await reader.PostAsJsonAsync($"/manage/content/comments/{asked.Id}/reply", new { body = "Hi" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
