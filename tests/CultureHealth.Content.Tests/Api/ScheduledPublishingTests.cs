using System.Net;
using CultureHealth.Content.Data;
using CultureHealth.Contracts;
using CultureHealth.Testing;

namespace CultureHealth.Content.Tests.Api;

/// <summary>Two replicas on one database, both running the scheduler: each due article goes live once.</summary>
public sealed class ScheduledPublishingTests : IClassFixture<ContentServiceFixture>, IAsyncLifetime
{
    private readonly ContentServiceFixture _host;
    private TestService<ContentDbContext> _replica = null!;

    public ScheduledPublishingTests(ContentServiceFixture host) => _host = host;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("content-replica-" + Guid.NewGuid().ToString("N")[..8]);
        _replica = await TestService<ContentDbContext>.StartAsync("content", vhost, database: _host.Service.DatabaseConnectionString,
            settings: new Dictionary<string, string?> { ["Content:ScheduledPublishInterval"] = "00:00:00.100" });
    }

    public async Task DisposeAsync() => await _replica.DisposeAsync();

    [Fact]
    public async Task Scheduled_articles_go_live_on_time_and_are_announced_once()
    {
        var editor = _host.Service.Editor();
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var scheduled = new List<CultureHealth.Content.Application.StaffArticleDto>();
        for (var i = 0; i < 3; i++)
        {
            var draft = await editor.CreateAsync(ContentApi.Article(ContentApi.Unique("Scheduled ")));
            scheduled.Add(await editor.ActAsync(draft.Id, "schedule", new { publishAt }));
        }
        using var reader = _host.Service.CreateClient();
        using (var early = await reader.GetAsync($"/api/content/articles/{scheduled[0].Slug}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        foreach (var article in scheduled)
        {
            await Eventually.TrueAsync(async () =>
            {
                using var response = await reader.GetAsync($"/api/content/articles/{article.Slug}");
                return response.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(30), $"{article.Slug} went live");
        }
        Assert.True(DateTimeOffset.UtcNow >= publishAt);
        foreach (var article in scheduled)
        {
            var events = await _host.Service.OutboxAsync<ArticlePublished>(article.Id);
            Assert.Single(events);
        }
    }
}
