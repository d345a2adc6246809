using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>What every page promises a visitor, checked on the raw responses through the gateway.</summary>
[Collection(SiteCollection.Name)]
public sealed partial class SiteSecurityTests(SiteStack site)
{
    private const string Article = "/articles/how-running-injuries-can-trigger-lower-back-pain";

    [Fact]
    public async Task Pages_carry_one_strict_csp_whose_nonce_is_on_every_script_and_nowhere_reused()
    {
        using var client = site.GatewayClient();
        using var first = await client.GetAsync(new Uri(Article, UriKind.Relative));
        using var second = await client.GetAsync(new Uri(Article, UriKind.Relative));

        var csp = Assert.Single(first.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        var nonce = NonceIn().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.NotEqual(nonce, NonceIn().Match(Assert.Single(second.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value);

        var html = await first.Content.ReadAsStringAsync();
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(s.Value), StringComparison.Ordinal));
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.Equal("same-origin", Assert.Single(first.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(first.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_api_keeps_the_gateways_own_policy()
    {
        using var client = site.GatewayClient();
        using var response = await client.GetAsync(new Uri("/api/content/tags", UriKind.Relative));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task A_comment_posted_without_the_antiforgery_token_is_refused()
    {
        using var client = site.GatewayClient();
        using var response = await client.PostAsync(new Uri(Article, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Name"] = "Forger", ["Form.Email"] = "forger@example.com", ["Form.Comment"] = "Cross-site post",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_httponly_and_samesite_strict()
    {
        using var client = site.GatewayClient();
        using var response = await client.GetAsync(new Uri(Article, UriKind.Relative));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ch-af=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // Over plain http (a developer's machine) it cannot be Secure; behind TLS the gateway says https and it is.
        Assert.DoesNotContain("secure", cookie.Replace("samesite", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_tls_every_cookie_is_secure()
    {
        // The gateway believes X-Forwarded-Proto from its trusted proxies (the load balancer; here loopback).
        using var client = site.GatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Article);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ch-af=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Static_assets_are_fingerprinted_and_cached_for_a_year()
    {
        using var client = site.GatewayClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var stylesheet = StylesheetHref().Match(html).Groups[1].Value;
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", stylesheet);
        using var response = await client.GetAsync(new Uri(stylesheet, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {cache}");
        Assert.Contains("immutable", cache.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_the_sites_pages_and_robots_txt_names_it()
    {
        using var client = site.GatewayClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = sitemap.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        var origin = site.PublicUrl.ToString().TrimEnd('/');
        foreach (var path in new[] { "/", "/articles", "/privacy", "/articles/tags/running", Article })
        {
            Assert.Contains(origin + path, locs);
        }
        // Every URL listed is a page the website serves (the shop and the booking pages included).
        foreach (var loc in locs)
        {
            using var page = await client.GetAsync(new Uri(loc));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{loc}: {page.StatusCode}");
        }
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Contains($"Sitemap: {origin}/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_has_its_own_title_and_description()
    {
        using var client = site.GatewayClient();
        var pages = new[] { "/", "/articles", "/articles/tags/running", "/articles/tags/back-pain", Article,
            "/articles/desk-posture-what-actually-matters", "/authors/6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001", "/privacy" };
        var titles = new Dictionary<string, string>();
        var descriptions = new Dictionary<string, string>();
        foreach (var path in pages)
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            titles[path] = TitleTag().Match(html).Groups[1].Value;
            descriptions[path] = Description().Match(html).Groups[1].Value;
            Assert.False(string.IsNullOrWhiteSpace(descriptions[path]), $"{path} has no meta description");
        }
        Assert.Equal(pages.Length, titles.Values.Distinct().Count());
        Assert.Equal(pages.Length, descriptions.Values.Distinct().Count());
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceIn();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetHref();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitleTag();

    [GeneratedRegex("<meta name=\"description\" content=\"([^\"]*)\"")]
    private static partial Regex Description();
}
