using CultureHealth.Content.Data;
using CultureHealth.Testing;

namespace CultureHealth.Content.Tests.Api;

/// <summary>One content service per test class, on its own database and RabbitMQ vhost, with the demo data.</summary>
public class ContentServiceFixture : IAsyncLifetime
{
    public const string PublicUrl = "https://www.culturehealth.test";

    public TestService<ContentDbContext> Service { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Database:SeedDemoData"] = "true",
        ["Site:PublicUrl"] = PublicUrl,
        // Most tests post many comments from one test client; the rate-limit test uses its own host.
        ["Content:CommentRateLimit"] = "10000",
        ["Content:ScheduledPublishInterval"] = "00:00:00.200",
        ["Content:BlockedWords:0"] = "casino",
        ["Content:MaxLinksPerComment"] = "2",
        ["Content:MaxCommentDepth"] = "3",
    };

    public virtual async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("content-" + Guid.NewGuid().ToString("N")[..8]);
        Service = await TestService<ContentDbContext>.StartAsync("content", vhost, settings: Settings());
    }

    public virtual async Task DisposeAsync() => await Service.DisposeAsync();
}

public sealed class RateLimitedContentServiceFixture : ContentServiceFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Content:CommentRateLimit"] = "2";
        settings["Content:CommentRateWindow"] = "00:10:00";
        return settings;
    }
}
