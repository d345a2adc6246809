using System.Net;
using System.Net.Http.Json;
using CultureHealth.Content.Application;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Outbox;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Tests.Api;

/// <summary>
/// Double opt-in for commenters: an address is trusted (skips moderation, gets reply emails) only after its owner
/// followed the link sent to it.
/// </summary>
public sealed class CommenterConfirmationTests(ContentServiceFixture host) : IClassFixture<ContentServiceFixture>
{
    private readonly HttpClient _public = host.Service.CreateClient();
    private readonly HttpClient _editor = host.Service.Editor();

    [Fact]
    public async Task The_first_comment_from_an_address_waits_and_sends_one_sealed_confirmation_link_to_it()
    {
        var article = await _editor.PublishAsync(ContentApi.Article(ContentApi.Unique("Opt-in ")));
        var email = Email();

        var first = await _public.CommentAcceptedAsync(article.Slug, Comment(email, "First thought."));
        var second = await _public.CommentAcceptedAsync(article.Slug, Comment(email.ToUpperInvariant(), "Second thought."));

        Assert.Equal(("pending", "pending"), (first.Status, second.Status));
        var request = Assert.Single(await RequestsForAsync(email));
        Assert.Equal("Sam", request.AuthorName);
        var token = TestSecrets.Events.Open(request.ConfirmationToken);
        Assert.NotNull(token);
        await using var db = host.Service.OpenDb();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking().Select(m => m.Payload).ToListAsync();
        Assert.All(payloads, p => Assert.DoesNotContain(token, p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_approved_comment_does_not_make_an_unconfirmed_address_trusted_but_a_confirmed_one_is()
    {
        var article = await _editor.PublishAsync(ContentApi.Article(ContentApi.Unique("Opt-in ")));
        var email = Email();
        await ApproveAsync((await _public.CommentAcceptedAsync(article.Slug, Comment(email, "Hello."))).Id);

        // Anyone could have typed this address: an approved comment under it proves nothing about who owns it.
        var unconfirmed = await _public.CommentAcceptedAsync(article.Slug, Comment(email, "Trust me."));
        Assert.Equal("pending", unconfirmed.Status);

        using (var wrong = await _public.PostAsJsonAsync("/api/content/commenter-emails/confirm", new { token = "not-the-token" }))
        {
            (await wrong.ProblemAsync(HttpStatusCode.BadRequest)).AssertNamesField("token");
        }

        var token = TestSecrets.Events.Open(Assert.Single(await RequestsForAsync(email)).ConfirmationToken);
        using (var confirm = await _public.PostAsJsonAsync("/api/content/commenter-emails/confirm", new { token }))
        {
            Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        }

        var confirmed = Assert.Single(await host.Service.OutboxEventsAsync<CommenterEmailConfirmed>(), e => e.Email == email);
        Assert.Equal(email, confirmed.Email);
        var trusted = await _public.CommentAcceptedAsync(article.Slug, Comment(email, "Now I am known."));
        Assert.Equal("approved", trusted.Status);
        // A confirmed address is never asked again.
        Assert.Single(await RequestsForAsync(email));
    }

    [Fact]
    public async Task A_confirmed_address_without_an_approved_comment_still_waits_once()
    {
        var article = await _editor.PublishAsync(ContentApi.Article(ContentApi.Unique("Opt-in ")));
        var email = Email();
        await _public.CommentAcceptedAsync(article.Slug, Comment(email, "Pending one."));
        var token = TestSecrets.Events.Open(Assert.Single(await RequestsForAsync(email)).ConfirmationToken);
        using (var confirm = await _public.PostAsJsonAsync("/api/content/commenter-emails/confirm", new { token }))
        {
            Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        }

        Assert.Equal("pending", (await _public.CommentAcceptedAsync(article.Slug, Comment(email, "Still new here."))).Status);
    }

    private async Task ApproveAsync(Guid commentId)
    {
        using var response = await _editor.PostAsJsonAsync($"/manage/content/comments/{commentId}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<CommenterEmailConfirmationRequested>> RequestsForAsync(string email) =>
        (await host.Service.OutboxEventsAsync<CommenterEmailConfirmationRequested>()).Where(e => e.Email == email.ToLowerInvariant()).ToList();

    private static object Comment(string email, string body) => new { authorName = "Sam", authorEmail = email, body };

    private static string Email() => ContentApi.Unique("reader") + "@example.com";
}
