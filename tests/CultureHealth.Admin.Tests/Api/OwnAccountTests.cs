using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>An administrator cannot lock themselves out; another administrator still can change their account.</summary>
public sealed class OwnAccountTests(AdminServiceFixture admin) : IClassFixture<AdminServiceFixture>
{
    [Fact]
    public async Task An_admin_cannot_disable_their_own_account_or_drop_their_own_admin_role_but_another_admin_can()
    {
        const string password = "another sturdy passphrase";
        var email = await admin.CreateStaffAsync(password, null, "admin");
        using var signIn = admin.Client(AdminServiceFixture.NewAddress());
        var (_, session, response) = await AdminServiceFixture.SignInAsync(signIn, email, password);
        response.Dispose();
        using var self = admin.Client(AdminServiceFixture.NewAddress(), session!.AccessToken);
        var id = await IdOfAsync(self, email);

        using (var disable = await self.PutAsJsonAsync($"/api/admin/staff/{id}", new { disabled = true }))
        {
            Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
            Assert.Contains("disabled", (await disable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
        using (var demote = await self.PutAsJsonAsync($"/api/admin/staff/{id}", new { roles = new[] { "editor" } }))
        {
            Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        }
        using (var rename = await self.PutAsJsonAsync($"/api/admin/staff/{id}", new { name = "Still Me", roles = new[] { "admin", "editor" } }))
        {
            Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        }

        var first = await admin.AdminSessionAsync();
        using var other = admin.Client(AdminServiceFixture.NewAddress(), first.AccessToken);
        using var disabledByOther = await other.PutAsJsonAsync($"/api/admin/staff/{id}", new { disabled = true });
        Assert.Equal(HttpStatusCode.OK, disabledByOther.StatusCode);
    }

    private static async Task<string> IdOfAsync(HttpClient client, string email)
    {
        var all = await client.GetFromJsonAsync<JsonElement>("/api/admin/staff");
        return all.EnumerateArray().Single(s => s.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;
    }
}
