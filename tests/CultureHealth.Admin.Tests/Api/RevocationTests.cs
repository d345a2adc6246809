using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Testing;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>Access tokens stop working at admin as soon as their account signs out, is disabled or changes.</summary>
public sealed class RevocationTests(AdminServiceFixture admin) : IClassFixture<AdminServiceFixture>
{
    private async Task<HttpStatusCode> MeAsync(string accessToken)
    {
        using var client = admin.Client(AdminServiceFixture.NewAddress(), accessToken);
        using var response = await client.GetAsync(new Uri("/api/admin/me", UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> RefreshAsync(string refreshToken)
    {
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        using var response = await client.PostAsJsonAsync("/api/admin/auth/refresh", new { refreshToken });
        return response.StatusCode;
    }

    private async Task<AdminServiceFixture.Session> SignInAsync(string email, string password)
    {
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (status, session, response) = await AdminServiceFixture.SignInAsync(client, email, password);
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return session!;
    }

    private async Task<string> StaffIdAsync(string email)
    {
        var adminSession = await admin.AdminSessionAsync();
        using var client = admin.Client(AdminServiceFixture.NewAddress(), adminSession.AccessToken);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/admin/staff");
        return all.EnumerateArray().Single(s => s.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
    }

    private async Task UpdateAsync(string staffId, object changes)
    {
        var adminSession = await admin.AdminSessionAsync();
        using var client = admin.Client(AdminServiceFixture.NewAddress(), adminSession.AccessToken);
        using var response = await client.PutAsJsonAsync($"/api/admin/staff/{staffId}", changes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_access_token_at_once()
    {
        var email = await admin.CreateStaffAsync("sign out means out", null, "editor");
        var session = await SignInAsync(email, "sign out means out");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(session.AccessToken));

        using (var client = admin.Client(AdminServiceFixture.NewAddress(), session.AccessToken))
        using (var signOut = await client.PostAsJsonAsync("/api/admin/auth/logout", new { refreshToken = session.RefreshToken }))
        {
            Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(session.RefreshToken));
    }

    [Fact]
    public async Task Disabling_an_account_or_changing_its_roles_ends_its_access_tokens()
    {
        var disabled = await admin.CreateStaffAsync("soon to be disabled", null, "reception");
        var promoted = await admin.CreateStaffAsync("soon to change roles", null, "reception");
        var disabledSession = await SignInAsync(disabled, "soon to be disabled");
        var promotedSession = await SignInAsync(promoted, "soon to change roles");

        await UpdateAsync(await StaffIdAsync(disabled), new { disabled = true });
        await UpdateAsync(await StaffIdAsync(promoted), new { roles = new[] { "reception", "shop-manager" } });

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(disabledSession.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(disabledSession.RefreshToken));
        // The old token (old roles) is refused; a refresh issues one with the new roles.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(promotedSession.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await RefreshAsync(promotedSession.RefreshToken));
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account()
    {
        var email = await admin.CreateStaffAsync("two devices one person", null, "editor");
        var laptop = await SignInAsync(email, "two devices one person");
        var phone = await SignInAsync(email, "two devices one person");

        using (var client = admin.Client(AdminServiceFixture.NewAddress(), phone.AccessToken))
        using (var everywhere = await client.PostAsync(new Uri("/api/admin/auth/logout-everywhere", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, everywhere.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(laptop.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(phone.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(laptop.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(phone.RefreshToken));
    }

    [Fact]
    public async Task A_password_change_ends_every_session_and_the_new_password_works()
    {
        var email = await admin.CreateStaffAsync("the old passphrase", null, "editor");
        var session = await SignInAsync(email, "the old passphrase");
        using (var client = admin.Client(AdminServiceFixture.NewAddress(), session.AccessToken))
        using (var change = await client.PostAsJsonAsync("/api/admin/auth/password",
            new { currentPassword = "the old passphrase", newPassword = "a brand new passphrase" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(session.RefreshToken));
        await SignInAsync(email, "a brand new passphrase");
    }

    [Fact]
    public async Task A_validly_signed_token_for_no_account_is_refused()
    {
        // Signed with the right key, but admin never issued it: no account, no stamp.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(TestStaff.TokenFor("admin")));
    }
}
