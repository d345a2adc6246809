using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>Admin publishes only public keys; a verifier learns a rotated key from the JWKS when it first sees it.</summary>
public sealed class KeyRingTests(AdminServiceFixture admin) : IClassFixture<AdminServiceFixture>
{
    [Fact]
    public async Task Admin_publishes_its_signing_keys_public_halves_as_a_jwks()
    {
        using var client = admin.Service.CreateClient();
        var body = await client.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        var key = JsonDocument.Parse(body).RootElement.GetProperty("keys").EnumerateArray().Single();

        Assert.Equal(TestStaff.SigningKeyId, key.GetProperty("kid").GetString());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the JWKS must never carry the private part");
    }

    [Fact]
    public async Task Tokens_admin_issues_are_ES256_and_name_their_key()
    {
        var session = await admin.AdminSessionAsync();
        var token = new JsonWebToken(session.AccessToken);
        Assert.Equal("ES256", token.Alg);
        Assert.Equal(TestStaff.SigningKeyId, token.Kid);
    }

    [Fact]
    public async Task A_verifier_learns_a_rotated_key_on_first_sight_but_never_fetches_more_often_than_allowed()
    {
        var (oldPrivate, _) = EcdsaKeys.CreatePemPair();
        var (newPrivate, _) = EcdsaKeys.CreatePemPair();
        var first = Ring(new PrivateKeyOptions { Id = "2026-01", PrivateKeyPem = oldPrivate });
        var issuer = new JwksHost(first.Ring);
        await using var _ = issuer;
        var clock = new MovableClock();
        var verifier = new VerificationKeys(
            new JwtKeyOptions { Issuer = "test-issuer", Audience = "test", JwksUrl = "http://jwks.test/.well-known/jwks.json", JwksMinimumRefreshInterval = TimeSpan.FromMinutes(1) },
            issuer, clock, NullLogger<VerificationKeys>.Instance);

        Assert.True(await ValidAsync(verifier, first.Ring.Sign([new Claim("sub", "someone")]).Token));
        Assert.Equal(1, issuer.Fetches);

        // Rotation: the issuer now publishes both keys and signs with the new one.
        var rotated = Ring(new PrivateKeyOptions { Id = "2026-01", PrivateKeyPem = oldPrivate }, new PrivateKeyOptions { Id = "2026-07", PrivateKeyPem = newPrivate });
        rotated.Item2.ActiveKeyId = "2026-07";
        issuer.Ring = new SigningKeyRing(rotated.Item2, TimeProvider.System);
        var newToken = issuer.Ring.Sign([new Claim("sub", "someone")]).Token;
        Assert.Equal("2026-07", new JsonWebToken(newToken).Kid);

        // Within the minimum interval an unknown key id does not make the verifier ask again (no hammering) ...
        Assert.False(await ValidAsync(verifier, newToken));
        Assert.Equal(1, issuer.Fetches);
        // ... after it, the first token naming the new key fetches it, and it verifies.
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await ValidAsync(verifier, newToken));
        Assert.Equal(2, issuer.Fetches);

        // A token signed by a key the issuer never published stays invalid, whatever kid it claims.
        var (strangerPrivate, _) = EcdsaKeys.CreatePemPair();
        var forged = Ring(new PrivateKeyOptions { Id = "2026-07", PrivateKeyPem = strangerPrivate }).Ring.Sign([new Claim("sub", "someone")]).Token;
        Assert.False(await ValidAsync(verifier, forged));
    }

    private static (SigningKeyRing Ring, JwtKeyOptions) Ring(params PrivateKeyOptions[] keys)
    {
        var options = new JwtKeyOptions { Issuer = "test-issuer", Audience = "test", SigningKeys = [.. keys] };
        return (new SigningKeyRing(options, TimeProvider.System), options);
    }

    private static async Task<bool> ValidAsync(VerificationKeys keys, string token)
    {
        await keys.EnsureAsync(new JsonWebToken(token).Kid, CancellationToken.None);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "test-issuer", ValidAudience = "test", ValidAlgorithms = [EcdsaKeys.Algorithm], IssuerSigningKeys = keys.Current,
        });
        return result.IsValid;
    }

    /// <summary>An issuer's JWKS endpoint (the same MapJwks admin uses) in memory; counts fetches.</summary>
    private sealed class JwksHost : IHttpClientFactory, IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _fetches;

        public JwksHost(SigningKeyRing ring)
        {
            Ring = ring;
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            _app = builder.Build();
            _app.MapGet("/.well-known/jwks.json", () =>
            {
                Interlocked.Increment(ref _fetches);
                return TypedResults.Json(Ring.Jwks);
            });
            _app.StartAsync().GetAwaiter().GetResult();
        }

        public SigningKeyRing Ring { get; set; }
        public int Fetches => Volatile.Read(ref _fetches);

        public HttpClient CreateClient(string name) => new(_app.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://jwks.test") };

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
