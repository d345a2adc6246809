using System.Net;
using System.Text.RegularExpressions;
using CultureHealth.Storefront;
using CultureHealth.Testing;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// Two website replicas need no sticky sessions: the comment form one replica renders is accepted by another
/// configured with the same Storefront:DataProtectionKey, and refused by one with a different key (so the key
/// really comes from configuration, not from a key ring the replicas happen to share on this machine).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class ReplicaTests(SiteStack site)
{
    private const string Article = "/articles/desk-posture-what-actually-matters";

    [Fact]
    public async Task A_form_rendered_by_one_replica_is_accepted_by_another_with_the_same_key_only()
    {
        await using var sameKey = Replica(WholeStack.StorefrontKey);
        await using var otherKey = Replica(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)));

        using var first = new HttpClient { BaseAddress = site.Storefront.BaseAddress };
        using var page = await first.GetAsync(new Uri(Article, UriKind.Relative));
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ch-af=", StringComparison.Ordinal)).Split(';')[0];
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.NotEmpty(token);

        Assert.Equal(HttpStatusCode.Redirect, await PostAsync(sameKey, cookie, token));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(otherKey, cookie, token));
    }

    private ServiceFactory<StorefrontOptions> Replica(string key)
    {
        var replica = new ServiceFactory<StorefrontOptions>(new Dictionary<string, string?>
        {
            ["Storefront:GatewayUrl"] = site.PublicUrl.ToString(),
            ["Storefront:DataProtectionKey"] = key,
            ["Site:PublicUrl"] = site.PublicUrl.ToString(),
            ["Logging:LogLevel:Default"] = "Error",
        }, listen: true);
        replica.StartServer();
        return replica;
    }

    private static async Task<HttpStatusCode> PostAsync(ServiceFactory<StorefrontOptions> replica, string cookie, string token)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = replica.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, Article)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__af"] = token,
                ["Form.Name"] = "Replica " + Guid.NewGuid().ToString("N")[..6],
                ["Form.Email"] = $"{Guid.NewGuid():N}@example.com",
                ["Form.Comment"] = "Posted to another replica than the one that rendered the form.",
            }),
        };
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
