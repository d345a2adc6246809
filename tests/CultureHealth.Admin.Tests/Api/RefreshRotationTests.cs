using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>Refresh tokens rotate once; reuse ends the session family; sessions end after an absolute lifetime.</summary>
public sealed class RefreshRotationTests(AdminServiceFixture admin) : IClassFixture<AdminServiceFixture>
{
    private static async Task<(HttpStatusCode Status, string? RefreshToken)> RefreshAsync(HttpClient client, string refreshToken)
    {
        using var response = await client.PostAsJsonAsync("/api/admin/auth/refresh", new { refreshToken });
        return response.IsSuccessStatusCode
            ? (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString())
            : (response.StatusCode, null);
    }

    [Fact]
    public async Task Eight_concurrent_refreshes_of_one_token_yield_exactly_one_session()
    {
        var email = await admin.CreateStaffAsync("eight refreshes at once", null, "editor");
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (_, session, signIn) = await AdminServiceFixture.SignInAsync(client, email, "eight refreshes at once");
        signIn.Dispose();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefreshAsync(client, session!.RefreshToken)));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(7, results.Count(r => r.Status == HttpStatusCode.Unauthorized));
        await using var db = admin.Service.OpenDb();
        var staffId = await db.StaffUsers.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var live = await db.RefreshTokens.Where(t => t.StaffId == staffId && t.RevokedAt == null).ToListAsync();
        Assert.Single(live);
        // The racers that lost were refused, not taken for thieves: the winner's new token still works.
        var winner = results.Single(r => r.Status == HttpStatusCode.OK).RefreshToken!;
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, winner)).Status);
    }

    [Fact]
    public async Task A_reused_refresh_token_ends_its_session_family_and_access_tokens_and_is_audited()
    {
        var email = await admin.CreateStaffAsync("reuse ends the family", null, "reception");
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (_, session, signIn) = await AdminServiceFixture.SignInAsync(client, email, "reuse ends the family");
        signIn.Dispose();
        var (status, child) = await RefreshAsync(client, session!.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, status);

        admin.Clock.Advance(TimeSpan.FromSeconds(10)); // past the grace period for racing clients
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, session.RefreshToken)).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, child!)).Status);
        client.DefaultRequestHeaders.Authorization = AdminServiceFixture.Bearer(session.AccessToken);
        using (var me = await client.GetAsync(new Uri("/api/admin/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }
        await using var db = admin.Service.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "auth.refresh-reuse" && a.StaffEmail == email));
    }

    [Fact]
    public async Task Refresh_stops_after_the_absolute_session_lifetime()
    {
        var email = await admin.CreateStaffAsync("sessions do not slide forever", null, "editor");
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (_, session, signIn) = await AdminServiceFixture.SignInAsync(client, email, "sessions do not slide forever");
        signIn.Dispose();
        var token = session!.RefreshToken;
        // Refreshing every few hours keeps the session going ...
        for (var i = 0; i < 3; i++)
        {
            admin.Clock.Advance(TimeSpan.FromHours(3));
            var (status, next) = await RefreshAsync(client, token);
            Assert.Equal(HttpStatusCode.OK, status);
            token = next!;
        }
        // ... but not past twelve hours after the sign-in.
        admin.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, token)).Status);
    }
}
