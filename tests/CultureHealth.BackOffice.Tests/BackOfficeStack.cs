using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CultureHealth.Admin.Data;
using CultureHealth.BackOffice.Data;
using CultureHealth.Booking.Data;
using CultureHealth.Calendar;
using CultureHealth.Content.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Testing;

namespace CultureHealth.BackOffice.Tests;

/// <summary>
/// Every service the back office reaches through admin (content, shop, booking), admin itself, and TWO
/// replicas of the back office on one session database, each on a real loopback port.
/// </summary>
public class BackOfficeStack : IAsyncLifetime
{
    public const string AdminEmail = "first.admin@test.culturehealth.local";
    public const string AdminPassword = "correct horse battery staple";
    public static readonly string SessionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public TestService<AdminDbContext> Admin { get; private set; } = null!;
    public TestService<BookingDbContext> Booking { get; private set; } = null!;
    public TestService<ContentDbContext>? Content { get; private set; }
    public TestService<ShopDbContext>? Shop { get; private set; }

    /// <summary>False leaves content and shop out (their addresses refuse connections), as when they are down.</summary>
    protected virtual bool WithContentAndShop => true;

    /// <summary>False gives admin an address for booking where nothing listens, as when booking is down (it still runs, for arranging).</summary>
    protected virtual bool BookingReachable => true;
    public TestService<BackOfficeDbContext> BackOffice { get; private set; } = null!;
    public TestService<BackOfficeDbContext> SecondReplica { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("backoffice-" + Guid.NewGuid().ToString("N")[..8]);
        // The demo clinic's practitioners, hours, appointment types and bank holidays, as ./run seeds them.
        var booking = TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true,
            settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        if (WithContentAndShop)
        {
            var content = TestService<ContentDbContext>.StartAsync("content", vhost, listen: true,
                settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
            var shop = TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: new Dictionary<string, string?>
            {
                ["Shop:WebhookSecret"] = "test-webhook-secret-of-at-least-32-characters",
            });
            Content = await content;
            Shop = await shop;
        }
        Booking = await booking;
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";
        Admin = await TestService<AdminDbContext>.StartAsync("admin", vhost, listen: true, settings: new Dictionary<string, string?>
        {
            ["Admin:Bootstrap:Email"] = AdminEmail,
            ["Admin:Bootstrap:Password"] = AdminPassword,
            ["Admin:Services:content"] = Content?.Factory.BaseAddress.ToString() ?? nowhere,
            ["Admin:Services:shop"] = Shop?.Factory.BaseAddress.ToString() ?? nowhere,
            ["Admin:Services:booking"] = BookingReachable ? Booking.Factory.BaseAddress.ToString() : nowhere,
            ["Admin:SignInPermitsPerMinute"] = "1000",
            // Every test browser comes from 127.0.0.1: only the per-account back-off is tested here, and it waits long
            // enough (a minute after the fifth failure) that a slow machine cannot see it lift mid-test.
            ["Admin:SignInBackOff:AddressFreeFailures"] = "1000",
            ["Admin:SignInBackOff:BaseDelay"] = "00:00:30",
        });
        var settings = new Dictionary<string, string?>
        {
            ["BackOffice:AdminUrl"] = Admin.Factory.BaseAddress.ToString(),
            ["BackOffice:SessionKey"] = SessionKey,
        };
        BackOffice = await TestService<BackOfficeDbContext>.StartAsync("backoffice", vhost, listen: true, settings: settings);
        SecondReplica = await TestService<BackOfficeDbContext>.StartAsync("backoffice", vhost, listen: true, settings: settings,
            database: BackOffice.DatabaseConnectionString);
    }

    /// <summary>A browser-like client (cookies, no automatic redirects) on one replica.</summary>
    public StaffBrowser Browser(bool secondReplica = false) => new((secondReplica ? SecondReplica : BackOffice).Factory.BaseAddress);

    public static readonly Guid Amelia = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001");
    public static readonly Guid Daniel = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0002");
    public static readonly Guid FollowUp = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0c0002");

    /// <summary>A working weekday at least two days ahead that is not a bank holiday (the demo clinic's hours are Mon–Fri).</summary>
    public static NodaTime.LocalDate NextWorkingDay(int atLeastDaysAhead = 2)
    {
        var day = ClinicTimeZone.Today(TimeProvider.System).PlusDays(atLeastDaysAhead);
        while (day.DayOfWeek is NodaTime.IsoDayOfWeek.Saturday or NodaTime.IsoDayOfWeek.Sunday || (day.Month == 12 && day.Day is 25 or 26 or 28) || (day.Month == 1 && day.Day == 1))
        {
            day = day.PlusDays(1);
        }
        return day;
    }

    /// <summary>Creates a staff account through admin's API, as the first admin.</summary>
    public async Task<(string Email, string Password)> CreateStaffAsync(string role, Guid? practitionerId = null)
    {
        var email = $"{role}.{Guid.NewGuid():N}@test.culturehealth.local"[..60];
        const string password = "a long enough password";
        var token = await AdminTokenAsync();
        using var admin = Admin.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/staff")
        {
            Content = JsonContent.Create(new { email, name = $"Test {role}", password, roles = new[] { role }, practitionerId }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var created = await admin.SendAsync(request);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (email, password);
    }

    /// <summary>A bearer token of the first admin, for arranging and checking through admin's API.</summary>
    public Task<string> AdminTokenAsync() => StaffTokenAsync(AdminEmail, AdminPassword);

    /// <summary>A member of staff's own bearer token, as admin's sign-in gives it.</summary>
    public async Task<string> StaffTokenAsync(string email, string password)
    {
        using var admin = Admin.CreateClient();
        using var login = await admin.PostAsJsonAsync("/api/admin/auth/login", new { email, password });
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A new published article by Amelia (its slug), made through admin's API as the first admin.</summary>
    public async Task<string> PublishedArticleAsync() => (await PublishedArticleWithIdAsync()).Slug;

    public async Task<(Guid Id, string Slug)> PublishedArticleWithIdAsync()
    {
        using var admin = Admin.CreateClient(await AdminTokenAsync());
        var title = "Back-office test " + Guid.NewGuid().ToString("N")[..8];
        using var created = await admin.PostAsJsonAsync("/api/admin/content/articles", new
        {
            title, bodyMarkdown = "Some body text.", authorId = Amelia, tags = new[] { "testing" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var article = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = article.GetProperty("id").GetGuid();
        using var published = await admin.PostAsJsonAsync($"/api/admin/content/articles/{id}/publish", new { });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return (id, article.GetProperty("slug").GetString()!);
    }

    public sealed record AuditEntry(string StaffEmail, string Action, int Status, string? Details);

    /// <summary>Admin's audit log entries written under one member of staff's name.</summary>
    public async Task<List<AuditEntry>> AuditAsync(string staffEmail)
    {
        using var admin = Admin.CreateClient(await AdminTokenAsync());
        var entries = await admin.GetFromJsonAsync<List<AuditEntry>>("/api/admin/audit?pageSize=200");
        return [.. entries!.Where(e => e.StaffEmail == staffEmail)];
    }

    public async Task DisposeAsync()
    {
        await SecondReplica.DisposeAsync();
        await BackOffice.DisposeAsync();
        await Admin.DisposeAsync();
        await Booking.DisposeAsync();
        if (Shop is not null)
        {
            await Shop.DisposeAsync();
        }
        if (Content is not null)
        {
            await Content.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same stack with content and shop down (never started) and booking out of admin's reach.</summary>
public sealed class BackOfficeWithoutShopStack : BackOfficeStack
{
    protected override bool WithContentAndShop => false;

    protected override bool BookingReachable => false;
}
