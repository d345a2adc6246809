using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Admin.Data;
using CultureHealth.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>
/// The admin service on a real loopback port (so X-Forwarded-For from loopback is believed, as from the gateway),
/// on its own database and vhost, with a clock tests can move forward and strict security stamps: only tokens
/// admin itself issued to real accounts are accepted.
/// </summary>
public class AdminServiceFixture : IAsyncLifetime
{
    public const string AdminEmail = "first.admin@test.culturehealth.local";
    public const string AdminPassword = "a sturdy passphrase for tests";

    public MovableClock Clock { get; } = new();
    public TestService<AdminDbContext> Service { get; private set; } = null!;

    /// <summary>Settings a derived fixture changes.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Overrides => [];

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("admin-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["Admin:Bootstrap:Email"] = AdminEmail,
            ["Admin:Bootstrap:Password"] = AdminPassword,
            ["Admin:Services:content"] = "http://127.0.0.1:9",
            ["Admin:Services:shop"] = "http://127.0.0.1:9",
            ["Admin:Services:booking"] = "http://127.0.0.1:9",
            ["Admin:SignInPermitsPerMinute"] = "10000",
            ["Admin:AcceptTokensForUnknownAccounts"] = "false",
            // No cache: a stamp change is seen by the next request (the cache has its own test of forgetting).
            ["Admin:SecurityStampCacheDuration"] = "00:00:00",
            ["ForwardedHeaders:TrustedProxies:0"] = "127.0.0.1/32",
        };
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }
        Service = await TestService<AdminDbContext>.StartAsync("admin", vhost, listen: true, settings: settings,
            services: s => s.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    /// <summary>A client that says (through X-Forwarded-For from loopback) it is <paramref name="clientAddress"/>.</summary>
    public HttpClient Client(string clientAddress, string? bearer = null)
    {
        var client = Service.CreateClient(bearer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    public static string NewAddress() => $"198.51.100.{Random.Shared.Next(1, 255)}, 203.0.113.{Random.Shared.Next(1, 255)}";

    public sealed record Session(string AccessToken, string RefreshToken);

    public static async Task<(HttpStatusCode Status, Session? Session, HttpResponseMessage Response)> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/admin/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null, response);
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, new Session(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!), response);
    }

    public async Task<Session> AdminSessionAsync()
    {
        using var client = Client(NewAddress());
        var (status, session, response) = await SignInAsync(client, AdminEmail, AdminPassword);
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return session!;
    }

    /// <summary>A new account with these roles (made by the first admin through the API); returns its email.</summary>
    public async Task<string> CreateStaffAsync(string password, Guid? practitionerId = null, params string[] roles)
    {
        var admin = await AdminSessionAsync();
        using var client = Client(NewAddress(), admin.AccessToken);
        var email = $"{string.Join('-', roles)}.{Guid.NewGuid():N}@test.culturehealth.local";
        using var created = await client.PostAsJsonAsync("/api/admin/staff", new { email, name = "Test Staff", password, roles, practitionerId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}

/// <summary>The system clock plus an offset a test can move forward (timers run on real time).</summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
