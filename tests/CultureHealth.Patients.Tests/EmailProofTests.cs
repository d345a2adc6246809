using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Contracts;
using CultureHealth.Patients.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using static CultureHealth.Patients.Tests.PatientsServiceFixture;

namespace CultureHealth.Patients.Tests;

public sealed class EmailProofTests(PatientsServiceFixture fixture) : IClassFixture<PatientsServiceFixture>
{
    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_a_request_creates_no_account()
    {
        var known = NewAddress("known");
        await ProveAsync(known);
        var unknown = NewAddress("unknown");

        using var forKnown = await fixture.RequestProofAsync(known);
        using var forUnknown = await fixture.RequestProofAsync(unknown);

        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        await using var db = fixture.Service.OpenDb();
        Assert.True(await db.Patients.AnyAsync(p => p.Email == known));
        Assert.False(await db.Patients.AnyAsync(p => p.Email == unknown));
        // Both get a code all the same: whether an address is known is never a branch.
        Assert.Single(await fixture.EmailedCodesAsync(unknown));
    }

    [Fact]
    public async Task The_emailed_code_gives_a_signed_patient_token_for_the_address_and_the_same_patient_every_time()
    {
        var email = NewAddress("pat.token");
        var mixedCase = email.ToUpperInvariant();

        var first = await ProveAsync(mixedCase);
        var second = await ProveAsync(email);

        Assert.Equal(email, first.Email);
        Assert.InRange(first.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
        // Checked the way booking checks it: against the published keys, ES256, issuer and audience.
        using var http = fixture.Client();
        var jwks = new JsonWebKeySet(await http.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)));
        var handler = new JwtSecurityTokenHandler { MapInboundClaims = false };
        var principal = handler.ValidateToken(first.AccessToken, new TokenValidationParameters
        {
            ValidIssuer = "culturehealth-patients",
            ValidAudience = "culturehealth",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        }, out var validated);
        Assert.Equal("ES256", ((JwtSecurityToken)validated).Header.Alg);
        Assert.False(string.IsNullOrEmpty(((JwtSecurityToken)validated).Header.Kid));
        Assert.Equal(email, principal.FindFirst("email")!.Value);
        Assert.Equal("true", principal.FindFirst("email_verified")!.Value, ignoreCase: true);
        var subject = principal.FindFirst("sub")!.Value;
        Assert.Equal(subject, handler.ReadJwtToken(second.AccessToken).Subject);
        Assert.DoesNotContain(jwks.Keys, k => k.HasPrivateKey);
    }

    [Fact]
    public async Task A_wrong_used_or_expired_code_and_an_unknown_address_get_one_answer_naming_the_code()
    {
        var email = NewAddress("wrong");
        using var requested = await fixture.RequestProofAsync(email);
        var code = Assert.Single(await fixture.EmailedCodesAsync(email));
        var wrongCode = code == "000000" ? "000001" : "000000";

        using var wrong = await fixture.VerifyAsync(email, wrongCode);
        using var unknown = await fixture.VerifyAsync(NewAddress("nobody"), code);
        using var right = await fixture.VerifyAsync(email, code);
        using var reused = await fixture.VerifyAsync(email, code);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("no-store", right.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var answer = await ProblemTextAsync(wrong);
        Assert.Contains("\"code\"", answer, StringComparison.Ordinal);
        foreach (var refused in new[] { wrong, unknown, reused })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(answer, await ProblemTextAsync(refused));
        }

        var late = NewAddress("late");
        using var lateRequest = await fixture.RequestProofAsync(late);
        await using (var db = fixture.Service.OpenDb())
        {
            await db.EmailProofs.Where(p => p.Email == late).ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }
        using var expired = await fixture.VerifyAsync(late, Assert.Single(await fixture.EmailedCodesAsync(late)));
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal(answer, await ProblemTextAsync(expired));
    }

    [Fact]
    public async Task Five_wrong_tries_kill_the_code_even_when_they_come_at_once()
    {
        var email = NewAddress("guesser");
        using var requested = await fixture.RequestProofAsync(email);
        var code = Assert.Single(await fixture.EmailedCodesAsync(email));
        var guesses = Enumerable.Range(0, 12).Select(i => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

        var answers = await Task.WhenAll(guesses.Select(async g =>
        {
            using var response = await fixture.VerifyAsync(email, g);
            return response.StatusCode;
        }));
        using var rightButTooLate = await fixture.VerifyAsync(email, code);

        Assert.All(answers, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.BadRequest, rightButTooLate.StatusCode);
        await using var db = fixture.Service.OpenDb();
        Assert.Equal(5, await db.EmailProofs.Where(p => p.Email == email).Select(p => p.Attempts).SingleAsync());
    }

    [Fact]
    public async Task Two_tabs_sending_the_right_code_at_once_get_one_token()
    {
        var email = NewAddress("tabs");
        using var requested = await fixture.RequestProofAsync(email);
        var code = Assert.Single(await fixture.EmailedCodesAsync(email));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await fixture.VerifyAsync(email, code);
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, answers.Count(s => s == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Requests_are_limited_per_address_and_per_client_exactly_even_in_parallel()
    {
        var email = NewAddress("flooded");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await fixture.RequestProofAsync(email);
            return (response.StatusCode, response.Headers.RetryAfter?.Delta);
        }));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.True(a.Delta > TimeSpan.Zero));
        Assert.Equal(3, (await fixture.EmailedCodesAsync(email)).Count);

        var client = NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await fixture.RequestProofAsync(NewAddress("alias"), client);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 6), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_code_is_stored_only_as_a_hash_and_travels_only_sealed()
    {
        var email = NewAddress("sealed");
        using var requested = await fixture.RequestProofAsync(email, returnUrl: "/account");
        var evt = Assert.Single(await fixture.Service.OutboxEventsAsync<EmailProofRequested>(), e => e.Email == email);
        var code = CultureHealth.Testing.TestSecrets.Events.Open(evt.SealedCode)!;

        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(code, evt.SealedCode, StringComparison.Ordinal);
        Assert.Equal("/account", evt.ReturnUrl);
        await using var db = fixture.Service.OpenDb();
        var row = await db.EmailProofs.AsNoTracking().SingleAsync(p => p.Email == email);
        Assert.Equal(64, row.CodeHash.Length);
        Assert.NotEqual(code, row.CodeHash);
        Assert.InRange(row.ExpiresAt - row.CreatedAt, TimeSpan.FromMinutes(9.9), TimeSpan.FromMinutes(10.1));
    }

    [Fact]
    public async Task Finished_proofs_are_cleaned_up()
    {
        var email = NewAddress("cleanup");
        await ProveAsync(email);

        await CultureHealth.Testing.Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.Service.OpenDb();
            return !await db.EmailProofs.AnyAsync(p => p.Email == email);
        }, TimeSpan.FromSeconds(60), "the used proof was deleted");
    }

    [Theory]
    [InlineData("not-an-email", null, "email")]
    [InlineData("", null, "email")]
    [InlineData("pat@example.com", "https://evil.example/", "returnUrl")]
    [InlineData("pat@example.com", "//evil.example/", "returnUrl")]
    [InlineData("pat@example.com", "/\\evil.example", "returnUrl")]
    [InlineData("pat@example.com", "account", "returnUrl")]
    public async Task Bad_proof_requests_name_the_field(string email, string? returnUrl, string field)
    {
        using var response = await fixture.RequestProofAsync(email, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Theory]
    [InlineData("12345", "code")]
    [InlineData("12345a", "code")]
    [InlineData(null, "code")]
    public async Task Bad_codes_name_the_field(string? code, string field)
    {
        using var http = fixture.Client();
        using var response = await http.PostAsJsonAsync("/api/patients/email-proofs/verify", new { email = "pat@example.com", code });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    private Task<PatientAccessToken> ProveAsync(string email) => fixture.ProveAsync(email);

    private static async Task<string> ProblemTextAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        return string.Join("|", root.GetProperty("title").GetString(), root.GetProperty("detail").GetString(), root.GetProperty("errors").ToString());
    }
}
