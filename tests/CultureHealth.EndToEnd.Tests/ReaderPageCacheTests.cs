using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// The article page is rendered once and served again to readers with nothing of their own on the site
/// (ReaderPageCache). What must still be each reader's own: the CSP nonce, the antiforgery pair, and, for a
/// reader with a cart, the whole page.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class ReaderPageCacheTests(SiteStack site)
{
    private const string Article = "/articles/how-running-injuries-can-trigger-lower-back-pain";

    [Fact]
    public async Task Readers_of_the_same_article_each_get_their_own_nonce_and_a_comment_form_only_they_can_post()
    {
        using var client = RawClient();
        var readers = new List<Reader>();
        for (var i = 0; i < 3; i++)
        {
            readers.Add(await ReadAsync(client, Article));
        }

        Assert.Equal(3, readers.Select(r => r.Nonce).Distinct().Count());
        Assert.Equal(3, readers.Select(r => r.Token).Distinct().Count());
        Assert.Equal(3, readers.Select(r => r.Cookie).Distinct().Count());
        // Apart from those, it is one page for every reader.
        Assert.Single(readers.Select(r => r.Html.Replace(r.Nonce, "N", StringComparison.Ordinal).Replace(r.Token, "T", StringComparison.Ordinal)).Distinct());

        var last = readers[^1];
        using var posted = await PostCommentAsync(client, last.Cookie, last.Token);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        Assert.Contains("posted=", posted.Headers.Location!.ToString(), StringComparison.Ordinal);
        // Another reader's form token does not go with this reader's cookie.
        using var forged = await PostCommentAsync(client, last.Cookie, readers[0].Token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_reader_with_a_cart_gets_the_page_rendered_with_their_cart()
    {
        using var client = RawClient();
        var anonymous = await ReadAsync(client, Article);
        Assert.Contains("Your cart is empty", anonymous.Html, StringComparison.Ordinal);

        var cartId = await CartWithAFoamRollerAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, Article);
        request.Headers.Add("Cookie", "ch-cart=" + cartId);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Your cart is empty", html, StringComparison.Ordinal);
        Assert.Contains("Foam roller", html, StringComparison.Ordinal);
    }

    private sealed record Reader(string Nonce, string Cookie, string Token, string Html);

    /// <summary>A client that keeps no cookies of its own and follows no redirects: each request is a new reader.</summary>
    private HttpClient RawClient() =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = site.PublicUrl };

    private static async Task<Reader> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nonce = NonceIn().Match(Assert.Single(response.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        var scripts = ScriptNonce().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Equal(nonce, s.Groups[1].Value));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ch-af=", StringComparison.Ordinal)).Split(';')[0];
        var token = FormToken().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        return new Reader(nonce, cookie, token, html);
    }

    private static async Task<HttpResponseMessage> PostCommentAsync(HttpClient client, string cookie, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Article)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Name"] = "Cached Reader",
                ["Form.Email"] = $"reader-{Guid.NewGuid():N}@example.com",
                ["Form.Comment"] = "Is the calf raise in this article safe after an Achilles strain?",
                ["__af"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<string> CartWithAFoamRollerAsync(HttpClient client)
    {
        using var created = await client.PostAsJsonAsync("/api/shop/carts", new { });
        var cartId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString()!;
        using var added = await client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku = "FOAM-ROLLER-45", quantity = 1 });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        return cartId;
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceIn();

    [GeneratedRegex("<script[^>]*\\bnonce=\"([^\"]*)\"")]
    private static partial Regex ScriptNonce();

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
