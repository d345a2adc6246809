using System.Net;
using System.Net.Http.Json;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>Admin with stamps cached for a long time, as a busy deployment would run it.</summary>
public sealed class CachingAdminServiceFixture : AdminServiceFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Overrides =>
        [new("Admin:SecurityStampCacheDuration", "00:05:00")];
}

/// <summary>A cached stamp is forgotten the moment this replica changes it.</summary>
public sealed class StampCacheTests(CachingAdminServiceFixture admin) : IClassFixture<CachingAdminServiceFixture>
{
    [Fact]
    public async Task Signing_out_takes_effect_at_once_even_while_the_stamp_is_cached()
    {
        var email = await admin.CreateStaffAsync("cached but not stale", null, "editor");
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (_, session, signIn) = await AdminServiceFixture.SignInAsync(client, email, "cached but not stale");
        signIn.Dispose();
        client.DefaultRequestHeaders.Authorization = AdminServiceFixture.Bearer(session!.AccessToken);
        using (var warm = await client.GetAsync(new Uri("/api/admin/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode); // the stamp is now in the cache
        }

        using (var signOut = await client.PostAsJsonAsync("/api/admin/auth/logout", new { refreshToken = session.RefreshToken }))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }

        using var after = await client.GetAsync(new Uri("/api/admin/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
