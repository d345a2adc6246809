using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Admin.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>Staff passwords: long, not common, not the email, hashed with today's iteration count.</summary>
public sealed class PasswordTests(AdminServiceFixture admin) : IClassFixture<AdminServiceFixture>
{
    [Theory]
    [InlineData("password1234")]          // on the common list
    [InlineData("Password1234!")]         // a common one with a symbol stuck on
    [InlineData("short pass")]            // too short
    [InlineData("aaaaaaaaaaaaaaaa")]      // one character repeated
    [InlineData("i.am.new.staff.member")] // contains the email's name part
    public async Task Weak_passwords_are_refused_naming_the_field(string password)
    {
        var session = await admin.AdminSessionAsync();
        using var client = admin.Client(AdminServiceFixture.NewAddress(), session.AccessToken);
        using var response = await client.PostAsJsonAsync("/api/admin/staff",
            new { email = $"new.staff@{Guid.NewGuid():N}.test.culturehealth.local", name = "New", password, roles = new[] { "editor" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _), problem.ToString());
    }

    [Fact]
    public async Task A_password_change_to_a_common_password_is_refused()
    {
        var email = await admin.CreateStaffAsync("a fine current passphrase", null, "editor");
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (_, session, signIn) = await AdminServiceFixture.SignInAsync(client, email, "a fine current passphrase");
        signIn.Dispose();
        client.DefaultRequestHeaders.Authorization = AdminServiceFixture.Bearer(session!.AccessToken);

        using var response = await client.PostAsJsonAsync("/api/admin/auth/password",
            new { currentPassword = "a fine current passphrase", newPassword = "qwertyuiop123" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));
    }

    [Fact]
    public async Task A_hash_made_with_fewer_iterations_is_upgraded_at_the_next_sign_in()
    {
        var email = await admin.CreateStaffAsync("upgrade my old hash", null, "editor");
        await using (var db = admin.Service.OpenDb())
        {
            var user = await db.StaffUsers.SingleAsync(u => u.Email == email);
            Assert.Equal(210_000, IterationsOf(user.PasswordHash));
            // As the service hashed it before: ASP.NET Core's default of 100,000 iterations.
            user.PasswordHash = new PasswordHasher<StaffUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }))
                .HashPassword(user, "upgrade my old hash");
            await db.SaveChangesAsync();
        }

        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (status, _, response) = await AdminServiceFixture.SignInAsync(client, email, "upgrade my old hash");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);

        await using var after = admin.Service.OpenDb();
        Assert.Equal(210_000, IterationsOf((await after.StaffUsers.SingleAsync(u => u.Email == email)).PasswordHash));
    }

    /// <summary>Identity V3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.</summary>
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1))); // HMAC-SHA512
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5));
    }
}
