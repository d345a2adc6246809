using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Content.Api;
using CultureHealth.Content.Application;
using CultureHealth.Content.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Outbox;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Tests.Api;

/// <summary>Arranging through the staff API (not the database), so caches see every change as production would.</summary>
public static class ContentApi
{
    public static readonly Guid Amelia = ContentDemoData.AmeliaId;

    public static HttpClient Editor(this TestService<ContentDbContext> service) => service.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));

    public static object Article(string title, string body = "Some body text.", string[]? tags = null, string? slug = null, string? excerpt = null) => new
    {
        title, slug, excerpt, bodyMarkdown = body, authorId = Amelia, tags = tags ?? ["testing"],
        callToActionAppointmentType = "initial-assessment",
    };

    public static async Task<StaffArticleDto> CreateAsync(this HttpClient editor, object article)
    {
        using var response = await editor.PostAsJsonAsync("/manage/content/articles", article);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StaffArticleDto>())!;
    }

    public static async Task<StaffArticleDto> PublishAsync(this HttpClient editor, object article)
    {
        var created = await editor.CreateAsync(article);
        return await editor.ActAsync(created.Id, "publish");
    }

    public static async Task<StaffArticleDto> ActAsync(this HttpClient editor, Guid id, string action, object? body = null)
    {
        using var response = await editor.PostAsJsonAsync($"/manage/content/articles/{id}/{action}", body ?? new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StaffArticleDto>())!;
    }

    public static async Task<HttpResponseMessage> CommentAsync(this HttpClient client, string slug, object comment, string ip = "203.0.113.10")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/content/articles/{slug}/comments") { Content = JsonContent.Create(comment) };
        request.Headers.Add("X-Forwarded-For", ip);
        return await client.SendAsync(request);
    }

    public static async Task<CommentAcceptedDto> CommentAcceptedAsync(this HttpClient client, string slug, object comment)
    {
        using var response = await client.CommentAsync(slug, comment);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CommentAcceptedDto>())!;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static void AssertNamesField(this JsonElement problem, string field) =>
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"problem does not name {field}: {problem}");

    public static async Task<List<OutboxMessage>> OutboxAsync<TEvent>(this TestService<ContentDbContext> service, Guid mentioning)
    {
        await using var db = service.OpenDb();
        var type = MessageTypes.NameOf(typeof(TEvent));
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == type).ToListAsync();
        return rows.Where(m => m.Payload.Contains(mentioning.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>Follows the confirmation link content sent to <paramref name="email"/> (its token opened from the sealed event).</summary>
    public static async Task ConfirmCommenterAsync(this TestService<ContentDbContext> service, HttpClient client, string email)
    {
        var request = (await service.OutboxEventsAsync<CommenterEmailConfirmationRequested>()).Last(e => e.Email == email.ToLowerInvariant());
        using var response = await client.PostAsJsonAsync("/api/content/commenter-emails/confirm", new { token = TestSecrets.Events.Open(request.ConfirmationToken) });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];
}
