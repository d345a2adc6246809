using System.Net;

namespace CultureHealth.Content.Tests.Api;

public sealed class RateLimitTests(RateLimitedContentServiceFixture host) : IClassFixture<RateLimitedContentServiceFixture>
{
    [Fact]
    public async Task Comment_posts_are_limited_per_ip_with_retry_after()
    {
        using var client = host.Service.CreateClient();
        const string slug = "desk-posture-what-actually-matters";
        object Comment(int i) => new { authorName = "Bot", authorEmail = $"bot{i}@example.com", body = $"Comment {i}" };

        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.CommentAsync(slug, Comment(i), ip: "198.51.100.7");
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }
        using var limited = await client.CommentAsync(slug, Comment(3), ip: "198.51.100.7");
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the client when to come back");

        // Another address has its own allowance; a spoofed first hop does not reset the limit.
        using var other = await client.CommentAsync(slug, Comment(4), ip: "198.51.100.8");
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        using var spoofed = await client.CommentAsync(slug, Comment(5), ip: "10.9.9.9, 198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed.StatusCode);

        // Reading is never limited.
        using var read = await client.GetAsync($"/api/content/articles/{slug}/comments");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
