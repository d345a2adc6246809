using System.Net;
using System.Net.Http.Json;
using System.Text;
using CultureHealth.Gateway;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// The gateway's edge on its own (its services are not running: answers past the edge are 502/503, which is
/// fine here): who the client is behind a proxy, HSTS behind TLS offload, and what failures tell a caller.
/// </summary>
public sealed class GatewayEdgeTests
{
    private static ServiceFactory<DownstreamHealth> Gateway(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            // Nothing listens on the discard port: these tests stop at the edge.
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = "http://127.0.0.1:9",
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = "http://127.0.0.1:9",
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = "http://127.0.0.1:9",
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = "http://127.0.0.1:9",
            ["Gateway:RateLimits:sign-in"] = "3",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return new ServiceFactory<DownstreamHealth>(all, listen: true);
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/auth/login")
        {
            Content = JsonContent.Create(new { email = "someone@test.culturehealth.local", password = "guess" }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_budget()
    {
        // The test connects from 127.0.0.1: here that is the ingress controller's network.
        await using var gateway = Gateway(("Gateway:TrustedNetworks:0", "127.0.0.0/8"));
        using var client = gateway.CreateHttpClient();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await SignInAsync(client, "203.0.113.10"));
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, first[3]);

        // Another client through the same proxy still has its whole allowance.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, "203.0.113.20"));
        // Through two trusted hops (a CDN in front of the ingress) the client is still found: 203.0.113.30, untrusted.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(client, "203.0.113.30, 127.0.0.2"));
    }

    [Fact]
    public async Task An_untrusted_caller_cannot_choose_its_address_with_X_Forwarded_For()
    {
        await using var gateway = Gateway(("Gateway:TrustedNetworks:0", "10.0.0.0/8"));
        using var client = gateway.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // A fresh made-up address every time: were it believed, the limit would never bite.
            statuses.Add(await SignInAsync(client, $"198.51.100.{i + 1}"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task With_no_trusted_network_configured_no_one_is_believed()
    {
        await using var gateway = Gateway();
        using var client = gateway.CreateHttpClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await SignInAsync(client, $"198.51.100.{i + 1}"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task HSTS_is_sent_when_a_trusted_proxy_says_the_request_came_over_https()
    {
        await using var trusting = Gateway(("Gateway:TrustedNetworks:0", "127.0.0.0/8"));
        using (var client = trusting.CreateHttpClient())
        {
            using var plain = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var offloaded = await client.SendAsync(request);
            Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", offloaded.Headers.GetValues("Strict-Transport-Security")));
        }

        await using var untrusting = Gateway();
        using var other = untrusting.CreateHttpClient();
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        spoofed.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await other.SendAsync(spoofed);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_public_health_view_shows_statuses_only()
    {
        await using var gateway = Gateway();
        using var client = gateway.CreateHttpClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"booking\":{\"status\":\"Unhealthy\"}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", body, StringComparison.OrdinalIgnoreCase);

        using var anonymousDetails = await client.GetAsync(new Uri("/health/details", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDetails.StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestStaff.TokenFor(StaffRoles.Admin));
        using var details = await client.GetAsync(new Uri("/health/details", UriKind.Relative));
        Assert.Contains("127.0.0.1:9", await details.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("foreign-key")]
    [InlineData("hs256")]
    public async Task Refused_tokens_get_a_plain_Bearer_challenge_that_explains_nothing(string kind)
    {
        await using var gateway = Gateway();
        using var client = gateway.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BadToken(kind));

        using var response = await client.GetAsync(new Uri("/api/admin/dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    /// <summary>Tokens that must be refused: expired, signed by a stranger's key under our key id, and HS256 keyed with our public key.</summary>
    private static string BadToken(string kind)
    {
        var handler = new JsonWebTokenHandler();
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["role"] = StaffRoles.Admin };
        var ourPrivateKey = TestStaff.IssuerSettings[$"{StaffTokens.Section}:SigningKeys:0:PrivateKeyPem"];
        var credentials = kind switch
        {
            "hs256" => new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestStaff.PublicKeyPem)) { KeyId = TestStaff.SigningKeyId }, SecurityAlgorithms.HmacSha256),
            "foreign-key" => new SigningCredentials(
                EcdsaKeys.LoadPrivate(new PrivateKeyOptions { Id = TestStaff.SigningKeyId, PrivateKeyPem = EcdsaKeys.CreatePemPair().PrivateKeyPem }), EcdsaKeys.Algorithm),
            _ => new SigningCredentials(
                EcdsaKeys.LoadPrivate(new PrivateKeyOptions { Id = TestStaff.SigningKeyId, PrivateKeyPem = ourPrivateKey }), EcdsaKeys.Algorithm),
        };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = StaffTokens.Issuer, Audience = StaffTokens.Audience, Claims = claims,
            IssuedAt = now.AddHours(-2), NotBefore = now.AddHours(-2),
            Expires = kind == "expired" ? now.AddHours(-1) : now.AddMinutes(10),
            SigningCredentials = credentials,
        });
    }
}
