using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>Failed password attempts back off per account and per address, alike for known and unknown emails.</summary>
public sealed class SignInBackOffTests(AdminServiceFixture admin) : IClassFixture<AdminServiceFixture>
{
    private sealed record Answer(HttpStatusCode Status, string? Title, string? Detail, string? RetryAfter);

    private static async Task<Answer> AttemptAsync(HttpClient client, string email, string password)
    {
        var (status, _, response) = await AdminServiceFixture.SignInAsync(client, email, password);
        using (response)
        {
            if (status == HttpStatusCode.OK)
            {
                return new Answer(status, null, null, null);
            }
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return new Answer(status, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString(),
                response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Ten_parallel_wrong_passwords_all_count_and_start_a_back_off()
    {
        var email = await admin.CreateStaffAsync("the right password here", null, "editor");
        using var client = admin.Client(AdminServiceFixture.NewAddress());

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => AttemptAsync(client, email, "a wrong guess")));

        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        // Every attempt that reached the password check was counted (none lost to a read-modify-write race): the
        // count equals the audited failures. Attempts that arrived once the back-off had begun were not checked.
        await using var db = admin.Service.OpenDb();
        var accountKey = "account:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)));
        var counted = (await db.Database.SqlQuery<int>($"SELECT failures AS \"Value\" FROM sign_in_throttles WHERE key = {accountKey}").ToListAsync()).Single();
        var audited = await db.AuditEntries.CountAsync(a => a.Action == "auth.sign-in-failed" && a.StaffEmail == email);
        Assert.Equal(audited, counted);
        Assert.True(counted >= 5, $"only {counted} of 10 parallel failures were counted");
        var next = await AttemptAsync(client, email, "the right password here");
        Assert.Equal(HttpStatusCode.TooManyRequests, next.Status);
        Assert.NotNull(next.RetryAfter);
    }

    [Fact]
    public async Task Known_and_unknown_emails_get_the_same_answers_and_the_same_back_off()
    {
        var known = await admin.CreateStaffAsync("a known account password", null, "reception");
        var unknown = $"nobody.{Guid.NewGuid():N}@test.culturehealth.local";

        async Task<List<Answer>> SixWrongAsync(string email)
        {
            using var client = admin.Client(AdminServiceFixture.NewAddress());
            var answers = new List<Answer>();
            for (var i = 0; i < 6; i++)
            {
                answers.Add(await AttemptAsync(client, email, "not the password"));
            }
            return answers;
        }

        var forKnown = await SixWrongAsync(known);
        var forUnknown = await SixWrongAsync(unknown);

        Assert.Equal(forKnown, forUnknown);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            forKnown.Select(a => a.Status));
        Assert.Contains("Wait", forKnown[^1].Detail, StringComparison.Ordinal);
        await using var db = admin.Service.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "auth.sign-in-failed" && a.StaffEmail == unknown));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "auth.back-off" && a.StaffEmail == known));
    }

    [Fact]
    public async Task The_account_signs_in_again_once_the_back_off_has_passed()
    {
        var email = await admin.CreateStaffAsync("patience is rewarded here", null, "admin");
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        for (var i = 0; i < 5; i++)
        {
            await AttemptAsync(client, email, "wrong again");
        }
        var during = await AttemptAsync(client, email, "patience is rewarded here");
        Assert.Equal(HttpStatusCode.TooManyRequests, during.Status);

        admin.Clock.Advance(TimeSpan.FromSeconds(double.Parse(during.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture) + 1));

        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(client, email, "patience is rewarded here")).Status);
    }

    [Fact]
    public async Task One_address_spraying_many_accounts_is_backed_off_while_others_are_not()
    {
        var sprayer = AdminServiceFixture.NewAddress();
        using var client = admin.Client(sprayer);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            statuses.Add((await AttemptAsync(client, $"sprayed.{i}.{Guid.NewGuid():N}@test.culturehealth.local", "Summer2026!")).Status);
        }
        Assert.All(statuses.Take(19), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        using var elsewhere = admin.Client(AdminServiceFixture.NewAddress());
        Assert.Equal(HttpStatusCode.Unauthorized, (await AttemptAsync(elsewhere, $"other.{Guid.NewGuid():N}@test.culturehealth.local", "guess")).Status);
    }

    [Fact]
    public async Task Password_change_is_limited_like_sign_in()
    {
        var email = await admin.CreateStaffAsync("my current passphrase", null, "editor");
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (_, session, signIn) = await AdminServiceFixture.SignInAsync(client, email, "my current passphrase");
        signIn.Dispose();
        client.DefaultRequestHeaders.Authorization = AdminServiceFixture.Bearer(session!.AccessToken);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/admin/auth/password",
                new { currentPassword = "a wrong current one", newPassword = "an entirely new passphrase" });
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 4), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
