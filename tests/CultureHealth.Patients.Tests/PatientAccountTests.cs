using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Contracts;
using CultureHealth.Patients.Application;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using static CultureHealth.Patients.Tests.PatientsServiceFixture;

namespace CultureHealth.Patients.Tests;

/// <summary>Issue 17, "My account": saved details and email preferences, found by the token's address only.</summary>
public sealed class PatientAccountTests(PatientsServiceFixture fixture) : IClassFixture<PatientsServiceFixture>
{
    [Fact]
    public async Task Saved_details_are_kept_for_the_tokens_address_and_another_patient_neither_sees_nor_changes_them()
    {
        var email = NewAddress("details");
        var other = NewAddress("other");
        using var mine = fixture.Service.CreateClient((await fixture.ProveAsync(email)).AccessToken);
        using var theirs = fixture.Service.CreateClient((await fixture.ProveAsync(other)).AccessToken);

        using var saved = await mine.PutAsJsonAsync("/api/patients/me/details", new { name = "  Pat Example ", phone = "07700 900123" });
        using var theirSave = await theirs.PutAsJsonAsync("/api/patients/me/details", new { name = "Someone Else", phone = "" });
        using var tooLong = await mine.PutAsJsonAsync("/api/patients/me/details", new { name = new string('x', 121), phone = "1" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theirSave.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("\"name\"", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var read = await mine.GetAsync(new Uri("/api/patients/me", UriKind.Relative));
        Assert.Contains("no-store", read.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var profile = (await read.Content.ReadFromJsonAsync<PatientProfile>(Json))!;
        Assert.Equal(new PatientProfile(email, "Pat Example", "07700 900123", false, null), profile);
        var theirProfile = (await theirs.GetFromJsonAsync<PatientProfile>(new Uri("/api/patients/me", UriKind.Relative), Json))!;
        Assert.Equal(new PatientProfile(other, "Someone Else", null, false, null), theirProfile);
        await using var db = fixture.Service.OpenDb();
        var row = await db.Patients.AsNoTracking().SingleAsync(p => p.Email == email);
        Assert.Equal(("Pat Example", "07700 900123"), (row.Name, row.Phone));
    }

    [Fact]
    public async Task Marketing_consent_is_off_until_given_recorded_with_its_time_and_each_change_publishes_one_event()
    {
        var email = NewAddress("consent");
        var access = await fixture.ProveAsync(email);
        using var client = fixture.Service.CreateClient(access.AccessToken);
        var before = DateTimeOffset.UtcNow;

        var initial = (await client.GetFromJsonAsync<PatientProfile>(new Uri("/api/patients/me", UriKind.Relative), Json))!;
        using var missing = await client.PutAsJsonAsync("/api/patients/me/preferences", new { });
        using var optIn = await client.PutAsJsonAsync("/api/patients/me/preferences", new { marketingEmails = true });
        using var again = await client.PutAsJsonAsync("/api/patients/me/preferences", new { marketingEmails = true });
        using var optOut = await client.PutAsJsonAsync("/api/patients/me/preferences", new { marketingEmails = false });

        Assert.False(initial.MarketingConsent);
        Assert.Null(initial.MarketingConsentChangedAt);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"marketingEmails\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var given = (await optIn.Content.ReadFromJsonAsync<PatientProfile>(Json))!;
        Assert.True(given.MarketingConsent);
        Assert.InRange(given.MarketingConsentChangedAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(given, (await again.Content.ReadFromJsonAsync<PatientProfile>(Json))!);
        var withdrawn = (await optOut.Content.ReadFromJsonAsync<PatientProfile>(Json))!;
        Assert.False(withdrawn.MarketingConsent);
        Assert.True(withdrawn.MarketingConsentChangedAt > given.MarketingConsentChangedAt);

        // One event per change (saying yes twice is one change), for the patient's id and address, in order.
        var events = (await fixture.Service.OutboxEventsAsync<PatientPreferencesChanged>()).Where(e => e.Email == email).OrderBy(e => e.ChangedAt).ToList();
        Assert.Equal([true, false], events.Select(e => e.MarketingConsent));
        Assert.All(events, e => Assert.Equal(SubjectOf(access.AccessToken), e.PatientId));
        Assert.Equal([given.MarketingConsentChangedAt, withdrawn.MarketingConsentChangedAt], events.Select(e => (DateTimeOffset?)e.ChangedAt));
    }

    [Fact]
    public async Task Without_a_valid_patient_token_the_account_answers_401_and_a_staff_token_is_not_one()
    {
        using var forgedKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var email = NewAddress("nobody");
        foreach (var token in new string?[]
                 {
                     null, TestPatients.TokenFor(email, signedWith: forgedKey), TestPatients.TokenFor(email, emailVerified: false),
                     TestPatients.TokenFor(email, lifetime: TimeSpan.FromMinutes(-5)), TestStaff.TokenFor("admin"),
                 })
        {
            using var client = fixture.Service.CreateClient(token);
            using var read = await client.GetAsync(new Uri("/api/patients/me", UriKind.Relative));
            using var write = await client.PutAsJsonAsync("/api/patients/me/preferences", new { marketingEmails = true });
            Assert.True(read.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)read.StatusCode} for {token ?? "no token"}");
            Assert.True(write.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)write.StatusCode} for {token ?? "no token"}");
        }
        await using var db = fixture.Service.OpenDb();
        Assert.False(await db.Patients.AnyAsync(p => p.Email == email));
    }

    private static Guid SubjectOf(string token) =>
        Guid.Parse(new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ReadJwtToken(token).Subject);
}
