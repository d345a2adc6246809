using System.ComponentModel.DataAnnotations;
using System.Net;
using CultureHealth.Content.Api;
using CultureHealth.Content.Data;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Tests.Api;

/// <summary>
/// Content on a real loopback port that trusts forwarded headers only from one proxy address that is not
/// loopback: every caller in these tests is an untrusted direct client.
/// </summary>
public sealed class UntrustedCallerContentServiceFixture : IAsyncLifetime
{
    public const string Salt = "a-salt-from-configuration-for-this-test-only";

    public TestService<ContentDbContext> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("content-" + Guid.NewGuid().ToString("N")[..8]);
        Service = await TestService<ContentDbContext>.StartAsync("content", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = "true",
            ["ForwardedHeaders:TrustedProxies:0"] = "10.1.2.3",
            ["Content:IpHashSalt"] = Salt,
            ["Content:CommentRateLimit"] = "2",
            ["Content:CommentRateWindow"] = "00:10:00",
        });
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

public sealed class ClientAddressTests(UntrustedCallerContentServiceFixture host) : IClassFixture<UntrustedCallerContentServiceFixture>
{
    private const string Slug = "desk-posture-what-actually-matters";

    [Fact]
    public async Task X_Forwarded_For_from_a_caller_that_is_not_a_trusted_proxy_is_ignored_for_limits_and_the_stored_hash()
    {
        using var client = host.Service.CreateClient();
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.CommentAsync(Slug, Comment(i), ip: $"198.51.100.{i + 1}");
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
            ids.Add((await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<CommentAcceptedDto>(ok.Content))!.Id);
        }

        // A third "address" is the same caller: one budget, whatever it claims.
        using var limited = await client.CommentAsync(Slug, Comment(3), ip: "198.51.100.3");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        await using var db = host.Service.OpenDb();
        var hashes = await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.IpHash).ToListAsync();
        Assert.All(hashes, h => Assert.Equal(ClientAddress.Hash("127.0.0.1", UntrustedCallerContentServiceFixture.Salt), h));
    }

    [Fact]
    public void There_is_no_built_in_ip_hash_salt_so_start_up_needs_one_from_configuration()
    {
        var defaults = new ContentOptions();
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(defaults, new ValidationContext(defaults), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(ContentOptions.IpHashSalt)));
    }

    private static object Comment(int i) => new { authorName = "Visitor", authorEmail = $"visitor{i}-{Guid.NewGuid():N}@example.com", body = $"Comment {i}" };
}

/// <summary>The gateway's loopback address is trusted by default: its X-Forwarded-For names the client.</summary>
public sealed class TrustedProxyContentServiceFixture : IAsyncLifetime
{
    public TestService<ContentDbContext> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("content-" + Guid.NewGuid().ToString("N")[..8]);
        Service = await TestService<ContentDbContext>.StartAsync("content", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = "true",
            ["Content:CommentRateLimit"] = "1",
            ["Content:CommentRateWindow"] = "00:10:00",
        });
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

public sealed class TrustedProxyTests(TrustedProxyContentServiceFixture host) : IClassFixture<TrustedProxyContentServiceFixture>
{
    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget()
    {
        using var client = host.Service.CreateClient();
        foreach (var ip in new[] { "198.51.100.21", "198.51.100.22" })
        {
            using var ok = await client.CommentAsync("desk-posture-what-actually-matters",
                new { authorName = "Visitor", authorEmail = $"v-{Guid.NewGuid():N}@example.com", body = "Thanks " + ip }, ip: ip);
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }
    }
}
